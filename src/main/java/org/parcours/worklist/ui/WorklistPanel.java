package org.parcours.worklist.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import org.parcours.clients.ui.ClientView;
import org.parcours.evaluations.EvaluationSummary;
import org.parcours.evaluations.ui.EvaluationView;
import org.parcours.worklist.Worklist;
import org.parcours.programmes.engine.ScheduleEngine;
import org.parcours.ui.renderer.ScaleColours;
import org.parcours.formdef.Colour;

/** The worklist on a worker's home page: counts, due evaluations, work in progress. */
public class WorklistPanel extends VerticalLayout {

    public WorklistPanel(Worklist worklist) {
        setPadding(false);
        setId("worklist");
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        HorizontalLayout counts = new HorizontalLayout(
                count("worklist-overdue", "worklist.count.overdue", worklist.overdue(), Colour.RED),
                count("worklist-due-soon", "worklist.count.dueSoon", worklist.dueSoon(), Colour.AMBER),
                count("worklist-drafts", "worklist.count.drafts", worklist.drafts(), Colour.NEUTRAL),
                count("worklist-amendments", "worklist.count.amendments", worklist.amendments(), Colour.NEUTRAL),
                count("worklist-clients", "worklist.count.clients", worklist.clients(), Colour.NEUTRAL));
        worklist.caseload().ifPresent(c -> {
            Span caseload = count("worklist-caseload", "worklist.count.caseload", c.active(), c.active() > c.target() ? Colour.RED : Colour.GREEN);
            caseload.setText(getTranslation("worklist.count.caseload", c.formTitle().in(getLocale()), c.active(), c.target()));
            caseload.setTitle(getTranslation("worklist.caseload.help", c.target()));
            counts.add(caseload);
        });
        counts.addClassName("wrap");
        add(counts);
        worklist.reminder().ifPresent(r -> {
            DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                    .withLocale(getLocale()).withZone(ZoneId.systemDefault());
            Paragraph reminder = new Paragraph(getTranslation("worklist.reminder", when.format(r.computedAt()), r.overdue(), r.dueSoon()));
            reminder.setId("worklist-reminder");
            reminder.addClassNames("text-secondary", "flush");
            add(reminder);
        });

        add(new H3(getTranslation("worklist.due.title")));
        Grid<ScheduleEngine.Due> due = new Grid<>();
        due.setId("worklist-due");
        due.addColumn(ScheduleEngine.Due::name).setHeader(getTranslation("clients.col.name")).setFlexGrow(2);
        // the schedule's own label, as declared in its programme (forms/programmes)
        due.addColumn(d -> d.label().in(getLocale())).setHeader(getTranslation("worklist.col.reason")).setFlexGrow(2);
        due.addColumn(d -> dates.format(d.due())).setHeader(getTranslation("worklist.col.due"));
        due.addColumn(d -> getTranslation(d.overdue() ? "worklist.overdue" : "worklist.dueSoon")).setHeader(getTranslation("worklist.col.state"));
        due.setItems(worklist.due());
        due.setAllRowsVisible(true);
        due.setEmptyStateComponent(new Paragraph(getTranslation("worklist.due.empty")));
        due.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(ClientView.class, ClientView.parameters(e.getItem().clientId()))));
        add(due);

        add(new H3(getTranslation("worklist.inProgress.title")));
        DateTimeFormatter times = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale()).withZone(ZoneId.systemDefault());
        Grid<EvaluationSummary> drafts = new Grid<>();
        drafts.setId("worklist-in-progress");
        drafts.addColumn(s -> worklist.clientName(s.clientId())).setHeader(getTranslation("clients.col.name")).setFlexGrow(2);
        drafts.addColumn(s -> s.formTitle().in(getLocale())).setHeader(getTranslation("evaluation.col.form")).setFlexGrow(2);
        drafts.addColumn(s -> getTranslation("evaluation.status." + s.status().name(), s.revisions())).setHeader(getTranslation("evaluation.col.status"));
        drafts.addColumn(s -> times.format(s.updatedAt())).setHeader(getTranslation("evaluation.col.updated"));
        drafts.setItems(worklist.inProgress());
        drafts.setAllRowsVisible(true);
        drafts.setEmptyStateComponent(new Paragraph(getTranslation("worklist.inProgress.empty")));
        drafts.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(EvaluationView.class, EvaluationView.existing(e.getItem().id()))));
        add(drafts);
    }

    private Span count(String id, String key, long value, Colour colour) {
        Span span = new Span(getTranslation(key, value));
        span.setId(id);
        span.addClassNames("count-chip", ScaleColours.className(colour));
        return span;
    }
}
