package org.parcours.committee.ui;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

import jakarta.annotation.security.RolesAllowed;

import org.parcours.committee.CommitteeException;
import org.parcours.committee.DecisionOutcome;
import org.parcours.committee.ImaspFreshness;
import org.parcours.committee.MeetingService;
import org.parcours.committee.MeetingService.AgendaEntry;
import org.parcours.committee.MeetingService.DecisionInput;
import org.parcours.committee.MeetingService.DecisionView;
import org.parcours.committee.MeetingService.MeetingDetails;
import org.parcours.committee.MeetingStatus;
import org.parcours.formdef.Colour;
import org.parcours.security.Role;
import org.parcours.ui.renderer.ScaleColours;

/**
 * One meeting: its members, the agenda (client with a link to its score history, question,
 * IMASP warning, decision with notification and contest deadline) and, while open, a decision
 * dialog per item and "close" for the chair or an administrator. After closing, a decision can
 * only be corrected (a new, linked decision) and its notification date recorded.
 */
@Route("committee/meetings/:meetingId([0-9]{1,18})")
@RolesAllowed({Role.COMMITTEE_NAME, Role.ADMIN_NAME})
public class MeetingView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    public static final String MEETING_ID = "meetingId";

    private final MeetingService service;
    private long meetingId;
    private String title = "";

    public MeetingView(MeetingService service) {
        this.service = service;
        setPadding(true);
    }

    public static RouteParameters parameters(long meetingId) {
        return new RouteParameters(MEETING_ID, String.valueOf(meetingId));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        meetingId = Long.parseLong(event.getRouteParameters().get(MEETING_ID).orElseThrow());
        render();
    }

    private void render() {
        removeAll();
        MeetingDetails details;
        try {
            details = service.meeting(meetingId);
        } catch (CommitteeException e) {
            title = getTranslation(e.messageKey());
            Paragraph message = new Paragraph(title);
            message.setId("meeting-not-found");
            add(message);
            return;
        }
        title = getTranslation("committee.meeting.title", date(details.meeting().date()));
        H2 heading = new H2(title);
        heading.setId("meeting-title");
        Span status = new Span(getTranslation("committee.status." + details.meeting().status().name()));
        status.setId("meeting-status");
        status.getElement().getThemeList().add(details.meeting().status() == MeetingStatus.OPEN ? "badge success" : "badge contrast");
        HorizontalLayout top = new HorizontalLayout(heading, status);
        top.setAlignItems(Alignment.BASELINE);
        // The printable pack (agenda, proposals, flags, coloured histories), see print.PrintController.
        com.vaadin.flow.component.html.Anchor print = new com.vaadin.flow.component.html.Anchor(
                "print/meetings/" + meetingId + ".pdf", getTranslation("committee.meeting.print"));
        print.setId("print-meeting");
        print.setTarget("_blank");
        print.getElement().setAttribute("router-ignore", true);
        top.add(print);
        RouterLink histories = new RouterLink(getTranslation("committee.meeting.histories"), AgendaHistoriesView.class,
                AgendaHistoriesView.parameters(meetingId));
        histories.setId("meeting-histories");
        top.add(histories);
        if (details.mayClose()) {
            Button close = new Button(getTranslation("committee.meeting.close"), e -> confirmClose());
            close.setId("meeting-close");
            close.addThemeVariants(ButtonVariant.LUMO_ERROR);
            top.add(close);
        }
        Paragraph members = new Paragraph(getTranslation("committee.meeting.chairAndMembers", details.meeting().chair(),
                String.join(", ", details.meeting().membersPresent())));
        members.setId("meeting-members");
        add(top, members, new H3(getTranslation("committee.agenda.title")));
        if (details.agenda().isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("committee.agenda.empty"));
            empty.setId("agenda-empty");
            add(empty);
        }
        for (AgendaEntry entry : details.agenda()) {
            add(item(entry, details.mayDecide()));
        }
    }

    private Div item(AgendaEntry entry, boolean open) {
        Div card = new Div();
        card.setId("agenda-item-" + entry.id());
        card.getElement().setAttribute("role", "region");
        card.getElement().setAttribute("aria-label", entry.clientName());
        card.addClassName("agenda-card");

        RouterLink client = new RouterLink(entry.clientName(), HistoryView.class, HistoryView.parameters(entry.clientId()));
        client.setId("agenda-client-" + entry.id());
        client.addClassName("text-strong");
        String question = getTranslation("committee.question." + entry.question().name())
                + (entry.questionText() == null ? "" : " – " + entry.questionText());
        Span questionSpan = new Span(question);
        questionSpan.setId("agenda-question-" + entry.id());
        Span proposed = new Span(getTranslation("committee.agenda.proposedBy", entry.proposedBy()));
        proposed.addClassNames("text-secondary", "text-small");
        Div line = new Div(client, new Span(" · "), questionSpan, new Span(" · "), proposed);
        card.add(line);
        card.add(imasp(entry));
        if (!entry.flags().isEmpty()) {
            // DOMAIN §1 R3/R4 on the meeting date.
            Div flags = new Div(RuleFlagItems.list(this, entry.flags(), "agenda-rule-" + entry.id() + "-"));
            flags.setId("agenda-flags-" + entry.id());
            flags.getElement().setAttribute("aria-label", getTranslation("rules.flags.title"));
            flags.addClassNames("notice-bar", ScaleColours.className(Colour.AMBER));
            card.add(flags);
        }

        entry.currentDecision().ifPresentOrElse(d -> card.add(decision(entry, d, open)), () -> {
            Paragraph none = new Paragraph(getTranslation("committee.decision.none"));
            none.setId("agenda-nodecision-" + entry.id());
            card.add(none);
        });
        if (entry.decisions().size() > 1) {
            Paragraph corrected = new Paragraph(getTranslation("committee.decision.history", entry.decisions().subList(0, entry.decisions().size() - 1)
                    .stream().map(d -> getTranslation("committee.outcome." + d.outcome().name()) + " (" + date(d.decidedOn()) + ")")
                    .collect(Collectors.joining(", "))));
            corrected.addClassNames("text-small", "text-secondary");
            card.add(corrected);
        }
        HorizontalLayout actions = new HorizontalLayout();
        if (open) {
            Button decide = new Button(getTranslation(entry.currentDecision().isPresent() ? "committee.decision.change" : "committee.decision.record"),
                    e -> decisionDialog(entry, null));
            decide.setId("agenda-decide-" + entry.id());
            actions.add(decide);
        } else {
            entry.currentDecision().ifPresent(d -> {
                Button correct = new Button(getTranslation("committee.decision.correct"), e -> decisionDialog(entry, d));
                correct.setId("agenda-correct-" + entry.id());
                actions.add(correct);
            });
        }
        entry.currentDecision().filter(d -> d.notifiedOn() == null).ifPresent(d -> {
            Button notified = new Button(getTranslation("committee.decision.notify"), e -> notificationDialog(d));
            notified.setId("agenda-notify-" + entry.id());
            actions.add(notified);
        });
        card.add(actions);
        return card;
    }

    private Div imasp(AgendaEntry entry) {
        Div box = new Div();
        box.setId("agenda-imasp-" + entry.id());
        box.getElement().setAttribute("data-imasp", entry.imasp().name());
        if (entry.imasp() == ImaspFreshness.OK) {
            box.setText(getTranslation("committee.imasp.ok", date(entry.lastImasp())));
            box.addClassName("text-secondary");
            return box;
        }
        box.getElement().setAttribute("role", "alert");
        box.setText("⚠ " + (entry.imasp() == ImaspFreshness.MISSING ? getTranslation("committee.imasp.missing")
                : getTranslation("committee.imasp.stale", date(entry.lastImasp()))));
        box.addClassNames("notice", "notice-compact", ScaleColours.className(Colour.RED));
        return box;
    }

    private Div decision(AgendaEntry entry, DecisionView d, boolean open) {
        Div box = new Div();
        box.setId("agenda-decision-" + entry.id());
        box.getElement().setAttribute("data-outcome", d.outcome().name());
        Span outcome = new Span(getTranslation("committee.outcome." + d.outcome().name()));
        outcome.setId("agenda-outcome-" + entry.id());
        outcome.addClassName("text-strong");
        box.add(outcome, new Span(" – " + d.motivation()));
        Paragraph meta = new Paragraph(getTranslation("committee.decision.meta", date(d.decidedOn()), d.members().replace("\n", ", ")));
        meta.addClassNames("text-small", "flush");
        box.add(meta);
        if (d.correctsDecisionId() != null) {
            Paragraph correction = new Paragraph(getTranslation("committee.decision.isCorrection"));
            correction.addClassNames("text-small", "flush");
            box.add(correction);
        }
        Paragraph notice = new Paragraph(d.notifiedOn() == null ? getTranslation("committee.decision.notNotified")
                : getTranslation("committee.decision.notified", date(d.notifiedOn()), date(d.contestUntil().orElseThrow())));
        notice.setId("agenda-notice-" + entry.id());
        notice.addClassNames("text-small", "flush");
        box.add(notice);
        return box;
    }

    /** Records the decision of an open meeting, or (corrected != null) a correction of a closed one's. */
    private void decisionDialog(AgendaEntry entry, DecisionView corrected) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation(corrected == null ? "committee.decision.record" : "committee.decision.correct")
                + " – " + entry.clientName());
        RadioButtonGroup<DecisionOutcome> outcome = new RadioButtonGroup<>(getTranslation("committee.decision.outcome"));
        outcome.setId("decision-outcome");
        outcome.setItems(DecisionOutcome.values());
        outcome.setItemLabelGenerator(o -> getTranslation("committee.outcome." + o.name()));
        outcome.setRequiredIndicatorVisible(true);
        TextArea motivation = new TextArea(getTranslation("committee.decision.motivation"));
        motivation.setId("decision-motivation");
        motivation.setRequiredIndicatorVisible(true);
        motivation.setMaxLength(4000);
        TextArea members = new TextArea(getTranslation("committee.decision.members"));
        members.setId("decision-members");
        members.setHelperText(getTranslation("committee.decision.membersHelp"));
        entry.currentDecision().ifPresent(d -> {
            outcome.setValue(d.outcome());
            motivation.setValue(d.motivation());
            members.setValue(d.members());
        });
        // shown once blocking rules refuse the decision: deciding anyway needs a written reason (audited)
        TextArea override = new TextArea(getTranslation("committee.decision.override"));
        override.setId("decision-override");
        override.setMaxLength(4000);
        override.setVisible(false);
        dialog.add(new FormLayout(outcome, motivation, members, override));
        Button save = new Button(getTranslation("client.save"), e -> {
            DecisionInput input = new DecisionInput(outcome.getValue(), motivation.getValue(), members.getValue(),
                    override.isVisible() ? override.getValue() : null);
            try {
                if (corrected == null) {
                    service.recordDecision(entry.id(), input);
                } else {
                    service.correct(corrected.id(), input);
                }
                dialog.close();
                Notification.show(getTranslation("committee.decision.saved"));
                render();
            } catch (org.parcours.committee.RuleRefusedException refused) {
                override.setVisible(true);
                override.setHelperText(getTranslation("committee.decision.overrideHelp"));
                override.setErrorMessage(refused.rules().stream().map(r -> r.message().in(getLocale()))
                        .collect(java.util.stream.Collectors.joining(" – ")));
                override.setInvalid(true);
            } catch (CommitteeException invalid) {
                if (invalid.messageKey().equals("committee.error.outcomeRequired")) {
                    outcome.setErrorMessage(getTranslation(invalid.messageKey()));
                    outcome.setInvalid(true);
                } else {
                    motivation.setErrorMessage(getTranslation(invalid.messageKey()));
                    motivation.setInvalid(true);
                }
            }
        });
        save.setId("decision-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("client.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private void notificationDialog(DecisionView d) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("committee.decision.notify"));
        DatePicker on = new DatePicker(getTranslation("committee.decision.notifiedOn"), LocalDate.now());
        on.setId("notification-date");
        dialog.add(on);
        Button save = new Button(getTranslation("client.save"), e -> {
            try {
                service.recordNotification(d.id(), on.getValue());
                dialog.close();
                render();
            } catch (CommitteeException invalid) {
                on.setErrorMessage(getTranslation(invalid.messageKey()));
                on.setInvalid(true);
            }
        });
        save.setId("notification-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("client.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private void confirmClose() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("committee.meeting.close"));
        dialog.add(new Paragraph(getTranslation("committee.meeting.closeConfirm")));
        Button confirm = new Button(getTranslation("committee.meeting.close"), e -> {
            service.close(meetingId);
            dialog.close();
            render();
        });
        confirm.setId("meeting-close-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("client.cancel"), e -> dialog.close()), confirm);
        dialog.open();
    }

    private String date(LocalDate date) {
        return date == null ? "–" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale())
                .withZone(ZoneId.systemDefault()).format(date);
    }

    @Override
    public String getPageTitle() {
        return title + " – " + getTranslation("app.name");
    }
}
