package org.parcours.committee.ui;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import org.parcours.committee.MeetingService;
import org.parcours.committee.MeetingService.FollowUp;
import org.parcours.committee.MeetingService.FollowUpState;
import org.parcours.security.Role;
import org.parcours.ui.MainLayout;
import org.parcours.ui.NavigationContributor;

/**
 * The decisions of all meetings still to follow up: to notify, then those whose contest period
 * runs (earliest deadline first); final ones on request. A row opens its meeting, where the
 * notification date is recorded.
 */
@Route("committee/follow-up")
@RolesAllowed({Role.COMMITTEE_NAME, Role.ADMIN_NAME})
public class FollowUpView extends VerticalLayout implements HasDynamicTitle {

    private final MeetingService service;
    final Grid<FollowUp> grid = new Grid<>();
    final Checkbox includeFinal = new Checkbox();
    final Paragraph summary = new Paragraph();

    public FollowUpView(MeetingService service) {
        this.service = service;
        setPadding(true);
        H2 title = new H2(getTranslation("followUp.title"));
        Paragraph help = new Paragraph(getTranslation("followUp.help"));
        includeFinal.setLabel(getTranslation("followUp.includeFinal"));
        includeFinal.setId("follow-up-final");
        includeFinal.addValueChangeListener(e -> refresh());
        summary.setId("follow-up-summary");
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        grid.setId("follow-up-grid");
        grid.addComponentColumn(this::state).setHeader(getTranslation("followUp.state")).setAutoWidth(true);
        grid.addColumn(f -> f.contestUntil().map(dates::format).orElse("")).setHeader(getTranslation("followUp.contestUntil"))
                .setAutoWidth(true);
        grid.addColumn(FollowUp::clientName).setHeader(getTranslation("followUp.client")).setAutoWidth(true);
        grid.addColumn(f -> getTranslation("committee.question." + f.question().name())).setHeader(getTranslation("followUp.question"));
        grid.addColumn(f -> getTranslation("committee.outcome." + f.outcome().name())).setHeader(getTranslation("committee.decision.outcome"));
        grid.addColumn(f -> dates.format(f.decidedOn())).setHeader(getTranslation("followUp.decidedOn")).setAutoWidth(true);
        grid.addColumn(f -> f.notifiedOn().map(dates::format).orElse("")).setHeader(getTranslation("committee.decision.notifiedOn"))
                .setAutoWidth(true);
        grid.addItemClickListener(e -> getUI().ifPresent(ui ->
                ui.navigate(MeetingView.class, MeetingView.parameters(e.getItem().meetingId()))));
        grid.setAllRowsVisible(true);
        add(title, help, includeFinal, summary, grid);
        refresh();
    }

    private void refresh() {
        List<FollowUp> rows = service.followUps(includeFinal.getValue());
        grid.setItems(rows);
        long toNotify = rows.stream().filter(f -> f.state() == FollowUpState.TO_NOTIFY).count();
        long open = rows.stream().filter(f -> f.state() == FollowUpState.CONTEST_OPEN).count();
        summary.setText(getTranslation("followUp.summary", toNotify, open));
    }

    private Span state(FollowUp followUp) {
        Span badge = new Span(getTranslation("followUp.state." + followUp.state().name()));
        badge.getElement().getThemeList().add(switch (followUp.state()) {
            case TO_NOTIFY -> "badge error";
            case CONTEST_OPEN -> "badge";
            case FINAL -> "badge success";
        });
        Optional<LocalDate> until = followUp.contestUntil();
        until.ifPresent(u -> badge.setTitle(getTranslation("committee.decision.notified",
                followUp.notifiedOn().orElseThrow(), u)));
        return badge;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("followUp.title") + " – " + getTranslation("app.name");
    }

    @org.springframework.stereotype.Component
    static class Navigation implements NavigationContributor {

        @Override
        public List<MainLayout.NavEntry> entries() {
            return List.of(new MainLayout.NavEntry("nav.followUp", FollowUpView.class, 31));
        }
    }
}
