package org.parcours.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import jakarta.servlet.http.HttpServletResponse;

import org.parcours.security.ClientDisconnects;
import org.parcours.security.ErrorReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces Vaadin's internal-error page (which shows the stack trace outside production mode)
 * for any exception while opening a view: a generic message and a reference; the exception is
 * logged with that reference and never sent to the browser.
 */
@AnonymousAllowed
public class ServerErrorView extends VerticalLayout implements HasDynamicTitle, HasErrorParameter<Exception> {

    private static final Logger log = LoggerFactory.getLogger(ServerErrorView.class);

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        String reference = ErrorReference.next();
        if (ClientDisconnects.isDisconnect(parameter.getCaughtException())) {
            log.debug("Client went away while opening '{}': {}", event.getLocation().getPath(),
                    ClientDisconnects.describe(parameter.getCaughtException()));
        } else {
            log.error("Unexpected error opening '{}', reference {}", event.getLocation().getPath(), reference, parameter.getCaughtException());
        }
        removeAll();
        Paragraph message = new Paragraph(getTranslation("error.unexpected"));
        message.setId("server-error");
        Paragraph ref = new Paragraph(getTranslation("error.reference", reference));
        ref.setId("server-error-reference");
        add(new H2(getTranslation("error.server.title")), message, ref, new Anchor("./", getTranslation("nav.home")));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("error.server.title") + " – " + getTranslation("app.name");
    }
}
