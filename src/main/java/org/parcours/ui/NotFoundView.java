package org.parcours.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;

import jakarta.servlet.http.HttpServletResponse;

import org.parcours.audit.AuditLog;

/**
 * Shown for unknown routes and for routes the user's role may not open (the router reports both
 * as "not found", so the existence of a page is not revealed). Refusals of signed-in users are
 * written to the audit trail.
 */
@AnonymousAllowed
public class NotFoundView extends VerticalLayout implements HasDynamicTitle, HasErrorParameter<NotFoundException> {

    private final AuthenticationContext authentication;
    private final AuditLog audit;

    public NotFoundView(AuthenticationContext authentication, AuditLog audit) {
        this.authentication = authentication;
        this.audit = audit;
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        H2 title = new H2(getTranslation("error.notFound.title"));
        Paragraph message = new Paragraph(getTranslation("error.notFound.message"));
        message.setId("not-found");
        add(title, message, new Anchor("./", getTranslation("nav.home")));
        String path = event.getLocation().getPath();
        authentication.getPrincipalName().ifPresent(user ->
                audit.recordDenied(user, "route", path.length() > 80 ? path.substring(0, 80) : path,
                        "route not found or not allowed for the user's roles"));
        return HttpServletResponse.SC_NOT_FOUND;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("error.notFound.title") + " – " + getTranslation("app.name");
    }
}
