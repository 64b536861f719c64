package org.parcours.committee.ui;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
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
import org.parcours.committee.history.ScoreHistory;
import org.parcours.security.Role;

/**
 * The score histories of every client on a meeting's agenda, one grid per client (the table of
 * the client's history page, written as one light element: {@link ScoreHistoryGrid}), loaded in
 * at most three statements whatever the number of clients. The first client's grid is drawn at
 * once, each other one when it comes near the screen while scrolling or when its "show" button
 * is pressed (keyboard and screen-reader users), or all of them with "show all" (to print the
 * page; the meeting's printed pack has every grid). Query parameter {@code form} picks another
 * form than the policy's IMASP form.
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
        List<PendingGrid> grids = new ArrayList<>();
        Button showAll = new Button(getTranslation("committee.histories.showAll"), e -> grids.forEach(PendingGrid::draw));
        showAll.setId("histories-show-all");
        showAll.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(showAll);
        for (AgendaHistory client : page.histories()) {
            add(section(client, page.meetingId(), grids));
        }
        if (!grids.isEmpty()) {
            grids.getFirst().draw();
        }
    }

    private Div section(AgendaHistory client, long meetingId, List<PendingGrid> grids) {
        Div section = new Div();
        section.setId("histories-client-" + client.clientId());
        section.setWidthFull();
        section.getElement().setAttribute("role", "region");
        section.getElement().setAttribute("aria-label", client.clientName());
        // the client's own page, read through this meeting's agenda as this page is (docs/decisions/0016)
        RouterLink link = new RouterLink(client.clientName(), HistoryView.class, HistoryView.parameters(client.clientId()));
        link.setQueryParameters(HistoryView.withMeeting(OptionalLong.of(meetingId), Map.of()));
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
            PendingGrid grid = new PendingGrid(client.history(), "histories-" + client.clientId() + "-", client.clientName());
            grids.add(grid);
            section.add(grid);
        }
        return section;
    }

    /**
     * A client's grid, drawn on demand: a placeholder with a button until then; the browser says
     * when the placeholder comes within a screen's height of the viewport (an IntersectionObserver
     * sends {@code grid-visible}), so scrolling draws the grids just before they are seen.
     */
    static final class PendingGrid extends Div {

        private final ScoreHistory history;
        private final String prefix;
        private boolean drawn;

        PendingGrid(ScoreHistory history, String prefix, String clientName) {
            this.history = history;
            this.prefix = prefix;
            setId(prefix + "grid");
            setWidthFull();
            addClassName("score-grid-pending");
            Button show = new Button(getTranslation("committee.histories.show"), e -> draw());
            show.setId(prefix + "show");
            show.setAriaLabel(getTranslation("committee.histories.show.aria", clientName));
            show.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            add(show);
            getElement().addEventListener("grid-visible", e -> draw());
            getElement().executeJs("""
                    const el = this;
                    const io = new IntersectionObserver(entries => {
                      if (entries.some(e => e.isIntersecting)) { io.disconnect(); el.dispatchEvent(new CustomEvent('grid-visible')); }
                    }, { rootMargin: '100% 0px' });
                    io.observe(el);""");
        }

        void draw() {
            if (drawn) {
                return;
            }
            drawn = true;
            removeAll();
            removeClassName("score-grid-pending");
            add(new ScoreHistoryGrid(history, prefix, getLocale()));
        }

        boolean drawn() {
            return drawn;
        }
    }

    private String date(LocalDate date) {
        return date == null ? "–" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale()).format(date);
    }

    @Override
    public String getPageTitle() {
        return title + " – " + getTranslation("app.name");
    }
}
