package org.parcours.privacy.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.parcours.clients.ClientNotFoundException;
import org.parcours.privacy.BreakGlass;
import org.parcours.privacy.PrivacyException;
import org.parcours.security.Role;

/**
 * A worker asks to open a client file of another team: they give a reason, the access lasts the
 * policy's hours, and administrators see it with the reason. Without it the file stays closed.
 */
@Route("clients/:clientId([0-9]{1,18})/justified-access")
@RolesAllowed(Role.WORKER_NAME)
public class JustifiedAccessView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final BreakGlass breakGlass;
    private final TextArea reason = new TextArea();
    private final Paragraph message = new Paragraph();
    private long clientId;

    public JustifiedAccessView(BreakGlass breakGlass) {
        this.breakGlass = breakGlass;
        addClassName("justified-access-view");
        reason.setId("justified-reason");
        reason.setLabel(getTranslation("privacy.justified.reason"));
        reason.setMaxLength(500);
        reason.setWidthFull();
        Button open = new Button(getTranslation("privacy.justified.open"), e -> open());
        open.setId("justified-open");
        open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        message.setId("justified-message");
        add(new H2(getTranslation("privacy.justified.ask")), new Paragraph(getTranslation("privacy.justified.explain")), reason, open, message);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        clientId = event.getRouteParameters().getLong("clientId").orElse(0L);
    }

    private void open() {
        try {
            breakGlass.open(clientId, reason.getValue());
            UI.getCurrent().navigate("clients/" + clientId);
        } catch (PrivacyException e) {
            message.setText(getTranslation(e.messageKey()));
        } catch (ClientNotFoundException e) {
            message.setText(getTranslation("client.notFound"));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("privacy.justified.ask") + " – " + getTranslation("app.name");
    }
}
