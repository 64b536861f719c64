package org.parcours.contracts.ui;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import org.parcours.contracts.ContractDue;

/** On the worker's home page: contracts whose evaluation is due before renewal, and contracts ending soon. */
public class ContractsDuePanel extends VerticalLayout {

    public ContractsDuePanel(List<ContractDue> due) {
        setPadding(false);
        setId("worklist-contracts");
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        add(new H3(getTranslation("worklist.contracts.title")));
        Grid<ContractDue> grid = new Grid<>();
        grid.setId("worklist-contracts-grid");
        grid.addColumn(ContractDue::clientName).setHeader(getTranslation("clients.col.name")).setFlexGrow(2);
        grid.addColumn(d -> getTranslation("worklist.contracts." + d.kind().name())).setHeader(getTranslation("worklist.col.reason")).setFlexGrow(2);
        grid.addColumn(d -> dates.format(d.endDate())).setHeader(getTranslation("contracts.col.end"));
        grid.addColumn(d -> getTranslation(d.overdue() ? "worklist.overdue" : "worklist.dueSoon")).setHeader(getTranslation("worklist.col.state"));
        grid.setItems(due);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateComponent(new Paragraph(getTranslation("worklist.contracts.empty")));
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(ContractView.class, ContractView.parameters(e.getItem().contractId()))));
        add(grid);
    }
}
