package org.parcours.audit.ui;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import org.parcours.audit.AuditAction;
import org.parcours.audit.AuditEntry;
import org.parcours.audit.AuditFilter;
import org.parcours.audit.AuditTrail;
import org.parcours.security.Role;
import org.parcours.ui.MainLayout;
import org.parcours.ui.NavigationContributor;

/**
 * Administrators: the audit trail, newest first, filtered by user, action, target and dates
 * (days in the server's time zone, both ends included); rows are fetched page by page as the
 * grid scrolls.
 */
@Route("admin/audit")
@RolesAllowed(Role.ADMIN_NAME)
public class AuditView extends VerticalLayout implements HasDynamicTitle {

    private final AuditTrail trail;
    private final ZoneId zone = ZoneId.systemDefault();
    private final TextField actor = new TextField();
    private final Select<AuditAction> action = new Select<>();
    private final Select<String> targetType = new Select<>();
    private final TextField targetId = new TextField();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Grid<AuditEntry> grid = new Grid<>();

    public AuditView(AuditTrail trail) {
        this.trail = trail;
        setSizeFull();

        actor.setLabel(getTranslation("audit.filter.user"));
        actor.setId("audit-filter-user");
        actor.setClearButtonVisible(true);
        actor.setValueChangeMode(ValueChangeMode.LAZY);

        action.setLabel(getTranslation("audit.filter.action"));
        action.setId("audit-filter-action");
        action.setItems(AuditAction.values());
        action.setEmptySelectionAllowed(true);
        action.setEmptySelectionCaption(getTranslation("audit.filter.any"));
        action.setItemLabelGenerator(a -> a == null ? getTranslation("audit.filter.any") : a.name());

        targetType.setLabel(getTranslation("audit.filter.targetType"));
        targetType.setId("audit-filter-target-type");
        targetType.setItems(trail.targetTypes());
        targetType.setEmptySelectionAllowed(true);
        targetType.setEmptySelectionCaption(getTranslation("audit.filter.any"));
        targetType.setItemLabelGenerator(t -> t == null ? getTranslation("audit.filter.any") : t);

        targetId.setLabel(getTranslation("audit.filter.targetId"));
        targetId.setId("audit-filter-target-id");
        targetId.setClearButtonVisible(true);
        targetId.setValueChangeMode(ValueChangeMode.LAZY);

        from.setLabel(getTranslation("audit.filter.from"));
        from.setId("audit-filter-from");
        to.setLabel(getTranslation("audit.filter.to"));
        to.setId("audit-filter-to");
        for (DatePicker picker : List.of(from, to)) {
            picker.setLocale(getLocale());
            picker.setClearButtonVisible(true);
            picker.addValueChangeListener(e -> refresh());
        }
        actor.addValueChangeListener(e -> refresh());
        action.addValueChangeListener(e -> refresh());
        targetType.addValueChangeListener(e -> refresh());
        targetId.addValueChangeListener(e -> refresh());

        HorizontalLayout filters = new HorizontalLayout(actor, action, targetType, targetId, from, to);
        filters.setWrap(true);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);

        DateTimeFormatter times = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT, FormatStyle.MEDIUM)
                .withLocale(getLocale()).withZone(zone);
        grid.setId("audit-grid");
        grid.addColumn(e -> times.format(e.occurredAt())).setHeader(getTranslation("audit.col.time")).setAutoWidth(true);
        grid.addColumn(AuditEntry::actor).setHeader(getTranslation("audit.col.user")).setAutoWidth(true);
        grid.addColumn(AuditEntry::action).setHeader(getTranslation("audit.col.action")).setAutoWidth(true);
        grid.addColumn(e -> e.targetType() + " " + e.targetId()).setHeader(getTranslation("audit.col.target")).setAutoWidth(true);
        grid.addColumn(AuditEntry::detail).setHeader(getTranslation("audit.col.detail")).setFlexGrow(3)
                .setTooltipGenerator(AuditEntry::detail);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setEmptyStateComponent(new Paragraph(getTranslation("audit.empty")));
        grid.setSizeFull();

        add(new H2(getTranslation("audit.title")), filters, grid);
        refresh();
    }

    AuditFilter filter() {
        LocalDate start = from.getValue();
        LocalDate end = to.getValue();
        return new AuditFilter(actor.getValue(), action.getValue(), targetType.getValue(), targetId.getValue(),
                start == null ? null : start.atStartOfDay(zone).toInstant(),
                end == null ? null : end.plusDays(1).atStartOfDay(zone).toInstant());
    }

    private void refresh() {
        AuditFilter current = filter();
        grid.setItems(query -> trail.find(current, query.getOffset(), query.getLimit()).stream(),
                query -> trail.count(current));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.title") + " – " + getTranslation("app.name");
    }

    @org.springframework.stereotype.Component
    static class Navigation implements NavigationContributor {

        @Override
        public List<MainLayout.NavEntry> entries() {
            return List.of(new MainLayout.NavEntry("nav.admin.audit", AuditView.class, 92));
        }
    }
}
