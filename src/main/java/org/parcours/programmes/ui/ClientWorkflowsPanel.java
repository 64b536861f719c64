package org.parcours.programmes.ui;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.stream.Collectors;

import org.parcours.programmes.ClientWorkflows;
import org.parcours.programmes.WorkflowRefusedException;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * On the client's page: where the client stands in each declared client workflow (the budget
 * guidance), with a button per transition the workflow offers the user; a refusal shows the
 * guard's message. Ids: {@code workflow-<programme>-<workflow>} for the section and its state,
 * {@code workflow-<programme>-<workflow>-<transition>} for a button.
 */
public class ClientWorkflowsPanel extends VerticalLayout {

    private final ClientWorkflows workflows;
    private final long clientId;

    public ClientWorkflowsPanel(ClientWorkflows workflows, long clientId) {
        this.workflows = workflows;
        this.clientId = clientId;
        setPadding(false);
        setSpacing(false);
        setId("client-workflows");
        render();
    }

    private void render() {
        removeAll();
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        for (ClientWorkflows.Standing standing : workflows.of(clientId)) {
            String id = "workflow-" + standing.programmeId() + "-" + standing.workflowId();
            Div section = new Div();
            section.setId(id);
            Span state = new Span(getTranslation("programme.workflow.state", standing.stateLabel().in(getLocale()),
                    standing.enteredOn().map(dates::format).orElse("–")));
            state.setId(id + "-state");
            HorizontalLayout buttons = new HorizontalLayout();
            buttons.setWrap(true);
            for (ClientWorkflows.Offer offer : standing.offers()) {
                String label = offer.label().in(getLocale())
                        + offer.due().map(d -> " (" + getTranslation("programme.workflow.due", dates.format(d)) + ")").orElse("");
                Button fire = new Button(label, e -> fire(standing, offer));
                fire.setId(id + "-" + offer.transitionId());
                buttons.add(fire);
            }
            section.add(new H3(standing.title().in(getLocale())), state, buttons);
            add(section);
        }
    }

    private void fire(ClientWorkflows.Standing standing, ClientWorkflows.Offer offer) {
        try {
            ClientWorkflows.Fired fired = workflows.fire(clientId, standing.programmeId(), standing.workflowId(), offer.transitionId());
            fired.warnings().forEach(w -> Notification.show(w.in(getLocale()), 8000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_WARNING));
        } catch (WorkflowRefusedException refused) {
            String text = refused.messageKey().map(this::getTranslation)
                    .orElseGet(() -> refused.rules().stream().map(r -> r.in(getLocale())).collect(Collectors.joining(" · ")));
            Paragraph message = new Paragraph(text);
            message.setId("workflow-refused");
            Notification n = new Notification(message);
            n.setDuration(8000);
            n.setPosition(Notification.Position.MIDDLE);
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
            n.open();
        }
        render();
    }
}
