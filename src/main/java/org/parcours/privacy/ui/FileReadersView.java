package org.parcours.privacy.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.stream.Collectors;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.parcours.clients.ClientNotFoundException;
import org.parcours.privacy.FileReaders;
import org.parcours.security.Role;
import org.springframework.security.access.AccessDeniedException;

/**
 * "Who read this file", for the file's responsible worker and administrators: every reading and
 * change of the client file and of its forms, by person, role, time and what was opened.
 */
@Route("clients/:clientId([0-9]{1,18})/readers")
@RolesAllowed({Role.ADMIN_NAME, Role.WORKER_NAME})
public class FileReadersView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final FileReaders readers;

    public FileReadersView(FileReaders readers) {
        this.readers = readers;
        addClassName("file-readers-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        long clientId = event.getRouteParameters().getLong("clientId").orElse(0L);
        add(new H2(getTranslation("privacy.readers.title")));
        List<FileReaders.Line> lines;
        try {
            lines = readers.of(clientId);
        } catch (ClientNotFoundException | AccessDeniedException e) {
            Paragraph refused = new Paragraph(getTranslation(e instanceof AccessDeniedException ? "privacy.readers.refused" : "client.notFound"));
            refused.setId("readers-refused");
            add(refused);
            return;
        }
        DateTimeFormatter times = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(getLocale())
                .withZone(ZoneId.systemDefault());
        add(new Paragraph(getTranslation("privacy.readers.intro", lines.size())));
        Grid<FileReaders.Line> grid = new Grid<>();
        grid.setId("readers");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.addColumn(l -> times.format(l.at())).setHeader(getTranslation("privacy.readers.when")).setFlexGrow(1);
        grid.addColumn(FileReaders.Line::who).setHeader(getTranslation("privacy.readers.who")).setFlexGrow(1);
        grid.addColumn(l -> l.roles().isEmpty() ? "—" : l.roles().stream().map(r -> getTranslation("role." + r.name())).sorted()
                .collect(Collectors.joining(", "))).setHeader(getTranslation("privacy.readers.role")).setFlexGrow(1);
        grid.addColumn(l -> getTranslation("privacy.readers.target." + l.targetType(), l.targetId()) + " – " + l.action())
                .setHeader(getTranslation("privacy.readers.screen")).setFlexGrow(2);
        grid.addColumn(FileReaders.Line::detail).setHeader(getTranslation("privacy.readers.detail")).setFlexGrow(3);
        grid.setItems(lines);
        add(grid, new Anchor("clients/" + clientId, getTranslation("privacy.readers.back")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("privacy.readers.title") + " – " + getTranslation("app.name");
    }
}
