package org.parcours.bench;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import com.vaadin.flow.server.VaadinServiceInitListener;

import jakarta.annotation.security.RolesAllowed;

import org.parcours.security.Role;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The hand-written 200-field view at {@value #ROUTE}, so that the browser figure (P2) measures it
 * in the same run as the generated form. Test code only, and registered only in an application
 * started with {@code parcours.bench.hand-written-route=true} (the benchmarks' forked application).
 */
@RolesAllowed(Role.WORKER_NAME)
public class HandWrittenFormView extends Div {

    static final String ROUTE = "bench/hand-written";

    public HandWrittenFormView() {
        setId("hand-written");
        add(HandWrittenForm.build());
    }

    /** Registers the route when the property is set. */
    @Component
    @ConditionalOnProperty(name = "parcours.bench.hand-written-route", havingValue = "true")
    static class Registration implements VaadinServiceInitListener {
        @Override
        public void serviceInit(ServiceInitEvent event) {
            RouteConfiguration.forRegistry(ApplicationRouteRegistry.getInstance(event.getSource().getContext())).setRoute(ROUTE, HandWrittenFormView.class,
                    java.util.List.of(org.parcours.ui.MainLayout.class));
        }
    }
}
