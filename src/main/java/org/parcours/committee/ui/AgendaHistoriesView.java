package org.parcours.committee.ui;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

import jakarta.annotation.security.RolesAllowed;

import org.parcours.catalog.FormNotFoundException;
import org.parcours.committee.CommitteeException;
import org.parcours.committee.MeetingService;
import org.parcours.committee.MeetingService.AgendaHistories;
import org.parcours.committee.MeetingService.AgendaHistory;
import org.parcours.security.Role;

/**
 * The score histories of every client on a meeting's agenda, one grid per client (the grid of
 * the client's history page), loaded in at most three statements whatever the number of clients.
 * Query parameter {@code form} picks another form than the policy's IMASP form.
 */
@Route("committee/meetings/:meetingId([0-9]{1,18})/histories")
@RolesAllowed({Role.COMMITTEE_NAME, Role.ADMIN_NAME})
public class AgendaHistoriesView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    public static final String MEETING_ID = MeetingView.MEETING_ID;
    public static final String FORM = "form";

    private final MeetingService service;
    private String title = "";

    public AgendaHistoriesView(MeetingService service) {
        this.service = service;
        setPadding(true);
    }

    public static RouteParameters parameters(long meetingId) {
        return new RouteParameters(MEETING_ID, String.valueOf(meetingId));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        long meetingId = Long.parseLong(event.getRouteParameters().get(MEETING_ID).orElseThrow());
        String formKey = event.getLocation().getQueryParameters().getSingleParameter(FORM).orElseGet(service::historyFormKey);
        AgendaHistories page;
        try {
            page = service.agendaHistories(meetingId, formKey);
        } catch (CommitteeException | FormNotFoundException e) {
            title = e instanceof CommitteeException c ? getTranslation(c.messageKey()) : getTranslation("history.formNotFound");
            Paragraph message = new Paragraph(title);
            message.setId("histories-not-found");
            add(message);
            return;
        }
        title = getTranslation("committee.histories.title", date(page.meetingDate()));
        H2 heading = new H2(title);
        heading.setId("histories-title");
        RouterLink back = new RouterLink(getTranslation("committee.histories.back"), MeetingView.class, MeetingView.parameters(meetingId));
        back.setId("histories-back");
        add(heading, back);
        if (page.histories().isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("committee.agenda.empty"));
            empty.setId("histories-empty");
            add(empty);
            return;
        }
        for (AgendaHistory client : page.histories()) {
            add(section(client, page.meetingId()));
        }
    }

    private Div section(AgendaHistory client, long meetingId) {
        Div section = new Div();
        section.setId("histories-client-" + client.clientId());
        section.setWidthFull();
        section.getElement().setAttribute("role", "region");
        section.getElement().setAttribute("aria-label", client.clientName());
        // the client's own page, read through this meeting's agenda as this page is (docs/decisions/0016)
        RouterLink link = new RouterLink(client.clientName(), HistoryView.class, HistoryView.parameters(client.clientId()));
        link.setQueryParameters(HistoryView.withMeeting(java.util.OptionalLong.of(meetingId), java.util.Map.of()));
        H3 name = new H3(link);
        section.add(name);
        if (client.birthDate() != null) {
            Paragraph born = new Paragraph(getTranslation("committee.histories.born", date(client.birthDate())));
            section.add(born);
        }
        if (client.history().columns().isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("history.empty"));
            none.setId("histories-empty-" + client.clientId());
            section.add(none);
        } else {
            section.add(new ScoreHistoryTable(client.history(), "histories-" + client.clientId() + "-"));
        }
        return section;
    }

    private String date(LocalDate date) {
        return date == null ? "–" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale()).format(date);
    }

    @Override
    public String getPageTitle() {
        return title + " – " + getTranslation("app.name");
    }
}
