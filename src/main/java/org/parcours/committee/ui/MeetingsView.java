package org.parcours.committee.ui;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import org.parcours.committee.CommitteeException;
import org.parcours.committee.MeetingService;
import org.parcours.committee.MeetingService.MeetingSummary;
import org.parcours.security.Role;
import org.parcours.ui.MainLayout;
import org.parcours.ui.NavigationContributor;

/** The committee's meetings, newest first, and "new meeting". */
@Route("committee/meetings")
@RolesAllowed({Role.COMMITTEE_NAME, Role.ADMIN_NAME})
public class MeetingsView extends VerticalLayout implements HasDynamicTitle {

    private final MeetingService service;
    final Grid<MeetingSummary> grid = new Grid<>();

    public MeetingsView(MeetingService service) {
        this.service = service;
        setPadding(true);
        H2 title = new H2(getTranslation("committee.meetings.title"));
        Button create = new Button(getTranslation("committee.meetings.new"), e -> openCreateDialog());
        create.setId("meeting-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grid.setId("meetings-grid");
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        grid.addColumn(m -> dates.format(m.date())).setHeader(getTranslation("committee.meeting.date"));
        grid.addColumn(MeetingSummary::chair).setHeader(getTranslation("committee.meeting.chair"));
        grid.addColumn(m -> String.join(", ", m.membersPresent())).setHeader(getTranslation("committee.meeting.members"));
        grid.addColumn(m -> getTranslation("committee.status." + m.status().name())).setHeader(getTranslation("committee.meeting.status"));
        grid.addItemClickListener(e -> open(e.getItem()));
        grid.setAllRowsVisible(true);
        add(title, create, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(service.meetings());
    }

    private void open(MeetingSummary meeting) {
        getUI().ifPresent(ui -> ui.navigate(MeetingView.class, MeetingView.parameters(meeting.id())));
    }

    void openCreateDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("committee.meetings.new"));
        DatePicker date = new DatePicker(getTranslation("committee.meeting.date"), LocalDate.now());
        date.setId("meeting-date");
        date.setRequiredIndicatorVisible(true);
        TextArea members = new TextArea(getTranslation("committee.meeting.membersOnePerLine"));
        members.setId("meeting-members");
        members.setRequiredIndicatorVisible(true);
        dialog.add(new FormLayout(date, members));
        Button save = new Button(getTranslation("client.save"), e -> {
            try {
                MeetingSummary created = service.create(date.getValue(), Arrays.asList(members.getValue().split("\n")));
                dialog.close();
                open(created);
            } catch (CommitteeException invalid) {
                boolean aboutDate = invalid.messageKey().equals("committee.error.dateRequired");
                (aboutDate ? date : members).setErrorMessage(getTranslation(invalid.messageKey()));
                if (aboutDate) {
                    date.setInvalid(true);
                } else {
                    members.setInvalid(true);
                }
            }
        });
        save.setId("meeting-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("client.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("committee.meetings.title") + " – " + getTranslation("app.name");
    }

    @org.springframework.stereotype.Component
    static class Navigation implements NavigationContributor {

        @Override
        public List<MainLayout.NavEntry> entries() {
            return List.of(new MainLayout.NavEntry("nav.committee", MeetingsView.class, 30));
        }
    }
}
