package org.parcours.aid.ui;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import org.parcours.aid.AidService;
import org.parcours.aid.BoardRow;
import org.parcours.clients.ClientService;
import org.parcours.clients.ClientSummary;
import org.parcours.security.Role;
import org.parcours.ui.MainLayout;
import org.parcours.ui.NavigationContributor;

/** The pending schemes of the teams the user works in, oldest request first, with a team filter. */
@Route("aid/board")
@RolesAllowed({Role.WORKER_NAME, Role.ADMIN_NAME})
public class AidBoardView extends VerticalLayout implements HasDynamicTitle {

    private final AidService aid;
    final Grid<BoardRow> grid = new Grid<>();
    final Select<Long> team = new Select<>();

    public AidBoardView(AidService aid, ClientService clients) {
        this.aid = aid;
        H2 title = new H2(getTranslation("aid.board.title"));
        title.setId("aid-board-title");
        Map<Long, String> teams = clients.visibleClients().stream()
                .collect(Collectors.toMap(ClientSummary::teamId, ClientSummary::teamName, (a, b) -> a));
        team.setId("aid-board-team");
        team.setLabel(getTranslation("aid.board.team"));
        team.setEmptySelectionAllowed(true);
        team.setEmptySelectionCaption(getTranslation("aid.board.allTeams"));
        team.setItems(teams.keySet().stream().sorted(Comparator.comparing(teams::get)).toList());
        team.setItemLabelGenerator(id -> id == null ? getTranslation("aid.board.allTeams") : teams.get(id));
        team.addValueChangeListener(e -> refresh());
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale()).withZone(ZoneId.systemDefault());
        grid.setId("aid-board");
        grid.addColumn(r -> dates.format(r.submittedAt())).setHeader(getTranslation("aid.col.submitted"));
        grid.addColumn(BoardRow::waitingDays).setHeader(getTranslation("aid.board.waiting"));
        grid.addColumn(BoardRow::clientName).setHeader(getTranslation("clients.col.name")).setFlexGrow(2);
        grid.addColumn(BoardRow::teamName).setHeader(getTranslation("aid.board.team"));
        grid.addColumn(BoardRow::scheme).setHeader(getTranslation("aid.col.scheme")).setFlexGrow(2);
        grid.addColumn(r -> r.amountRequested().map(BigDecimal::toPlainString).orElse("")).setHeader(getTranslation("aid.col.requested"));
        grid.setEmptyStateComponent(new Paragraph(getTranslation("aid.board.empty")));
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(AidRequestView.class, AidRequestView.parameters(e.getItem().requestId()))));
        add(title, team, grid);
        refresh();
    }

    private void refresh() {
        List<BoardRow> rows = aid.board(Optional.ofNullable(team.getValue()), getLocale());
        grid.setItems(rows);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("aid.board.title") + " – " + getTranslation("app.name");
    }

    @org.springframework.stereotype.Component
    static class Navigation implements NavigationContributor {

        @Override
        public List<MainLayout.NavEntry> entries() {
            return List.of(new MainLayout.NavEntry("nav.aidBoard", AidBoardView.class, 25));
        }
    }
}
