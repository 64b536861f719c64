package org.parcours.contracts.ui;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import java.util.Optional;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

import jakarta.annotation.security.RolesAllowed;

import org.parcours.clients.ClientNotFoundException;
import org.parcours.clients.ClientService;
import org.parcours.clients.ClientSummary;
import org.parcours.clients.ui.ClientView;
import org.parcours.committee.MeetingService;
import org.parcours.committee.MeetingService.MeetingSummary;
import org.parcours.contracts.ContractDetails;
import org.parcours.contracts.ContractException;
import org.parcours.contracts.ContractService;
import org.parcours.contracts.ContractSummary;
import org.parcours.contracts.EscalationTrigger;
import org.parcours.contracts.EscalationView;
import org.parcours.contracts.PaymentMonth;
import org.parcours.security.Role;

/**
 * A client's MASP contracts (newest first, "new contract"), the recorded months of rent and
 * charges with the current run of unpaid months, and the steps toward a judicial measure.
 */
@Route("clients/:clientId([0-9]{1,18})/contracts")
@RolesAllowed({Role.WORKER_NAME, Role.ADMIN_NAME})
public class ContractsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ContractService contracts;
    private final ClientService clients;
    private final MeetingService meetings;
    private final Clock clock;
    private ClientSummary client;
    final Grid<ContractSummary> grid = new Grid<>();
    final Grid<PaymentMonth> paymentGrid = new Grid<>();
    final Grid<EscalationView> escalationGrid = new Grid<>();
    private final Paragraph streak = new Paragraph();

    public ContractsView(ContractService contracts, ClientService clients, MeetingService meetings, Clock clock) {
        this.contracts = contracts;
        this.clients = clients;
        this.meetings = meetings;
        this.clock = clock;
        setMaxWidth("70em");
    }

    public static RouteParameters parameters(long clientId) {
        return new RouteParameters(ClientView.CLIENT_ID, String.valueOf(clientId));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        try {
            client = clients.requireVisible(Long.parseLong(event.getRouteParameters().get(ClientView.CLIENT_ID).orElseThrow()));
            build();
        } catch (ClientNotFoundException e) {
            Paragraph missing = new Paragraph(getTranslation("contract.notFound"));
            missing.setId("contracts-not-found");
            add(missing);
        }
    }

    private void build() {
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        H2 title = new H2(getTranslation("contracts.title", client.fullName()));
        title.setId("contracts-title");
        add(new RouterLink(getTranslation("contracts.back"), ClientView.class, ClientView.parameters(client.id())), title);

        Button create = new Button(getTranslation("contracts.new"), e -> {
            ContractDetails draft = contracts.draft(client.id());
            getUI().ifPresent(ui -> ui.navigate(ContractView.class, ContractView.parameters(draft.id())));
        });
        create.setId("contract-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grid.setId("contracts-grid");
        grid.addColumn(c -> getTranslation("contract.status." + c.shownStatus())).setHeader(getTranslation("contracts.col.status"));
        grid.addColumn(c -> c.level().orElse("")).setHeader(getTranslation("contracts.col.level"));
        grid.addColumn(c -> c.startDate().map(dates::format).orElse("")).setHeader(getTranslation("contracts.col.start"));
        grid.addColumn(c -> c.endDate().map(dates::format).orElse("")).setHeader(getTranslation("contracts.col.end"));
        grid.addColumn(c -> c.durationMonths().map(String::valueOf).orElse("")).setHeader(getTranslation("contracts.col.months"));
        grid.addColumn(c -> c.versions() - 1).setHeader(getTranslation("contracts.col.avenants"));
        grid.addColumn(c -> c.previousContractId().map(p -> getTranslation("contracts.renewalOf", p)).orElse(""))
                .setHeader(getTranslation("contracts.col.renewal"));
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(ContractView.class, ContractView.parameters(e.getItem().id()))));
        grid.setAllRowsVisible(true);
        grid.setEmptyStateComponent(new Paragraph(getTranslation("contracts.empty")));
        grid.setItems(contracts.ofClient(client.id()));
        add(create, grid);

        add(new H3(getTranslation("contracts.payments.title")));
        streak.setId("contracts-unpaid-streak");
        paymentGrid.setId("contracts-payments");
        paymentGrid.addColumn(p -> p.month().toString()).setHeader(getTranslation("contracts.payments.month"));
        paymentGrid.addColumn(PaymentMonth::due).setHeader(getTranslation("contracts.payments.due"));
        paymentGrid.addColumn(PaymentMonth::paid).setHeader(getTranslation("contracts.payments.paid"));
        paymentGrid.addColumn(p -> getTranslation(p.unpaid() ? "contracts.payments.unpaid" : "contracts.payments.ok"))
                .setHeader(getTranslation("contracts.payments.state"));
        paymentGrid.setAllRowsVisible(true);
        paymentGrid.setEmptyStateComponent(new Paragraph(getTranslation("contracts.payments.empty")));
        DatePicker month = new DatePicker(getTranslation("contracts.payments.month"), LocalDate.now(clock));
        month.setId("payment-month");
        month.setMax(LocalDate.now(clock));
        BigDecimalField due = new BigDecimalField(getTranslation("contracts.payments.due"));
        due.setId("payment-due");
        BigDecimalField paid = new BigDecimalField(getTranslation("contracts.payments.paid"));
        paid.setId("payment-paid");
        Button record = new Button(getTranslation("contracts.payments.record"), e -> {
            try {
                contracts.recordPayment(client.id(), month.getValue() == null ? null : YearMonth.from(month.getValue()),
                        due.getValue(), paid.getValue() == null ? BigDecimal.ZERO : paid.getValue());
                refreshPayments();
            } catch (ContractException refused) {
                error(refused);
            }
        });
        record.setId("payment-record");
        HorizontalLayout paymentForm = new HorizontalLayout(month, due, paid, record);
        paymentForm.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(streak, paymentGrid, paymentForm);

        add(new H3(getTranslation("contracts.escalations.title")));
        escalationGrid.setId("contracts-escalations");
        escalationGrid.addColumn(e -> dates.format(e.recordedOn())).setHeader(getTranslation("contract.date"));
        escalationGrid.addColumn(e -> getTranslation("contracts.trigger." + e.trigger().name())
                + e.unpaidMonths().map(m -> " (" + m + ")").orElse("")).setHeader(getTranslation("contracts.escalations.trigger"));
        escalationGrid.addColumn(e -> e.detail().orElse("")).setHeader(getTranslation("contracts.escalations.detail")).setFlexGrow(2);
        escalationGrid.addColumn(e -> e.agendaItemId().isPresent() ? getTranslation("contracts.escalations.onAgenda") : "")
                .setHeader(getTranslation("contracts.escalations.agenda"));
        escalationGrid.addColumn(EscalationView::recordedBy).setHeader(getTranslation("contracts.escalations.by"));
        escalationGrid.setAllRowsVisible(true);
        escalationGrid.setEmptyStateComponent(new Paragraph(getTranslation("contracts.escalations.empty")));
        Button escalate = new Button(getTranslation("contracts.escalations.record"), e -> askEscalation());
        escalate.setId("escalation-record");
        add(escalationGrid, escalate);
        refreshPayments();
        escalationGrid.setItems(contracts.escalations(client.id()));
    }

    private void refreshPayments() {
        paymentGrid.setItems(contracts.payments(client.id()));
        int unpaid = contracts.unpaidStreak(client.id());
        streak.setText(getTranslation("contracts.payments.streak", unpaid, contracts.rules().unpaidMonthsForJudicial()));
        boolean judicial = unpaid >= contracts.rules().unpaidMonthsForJudicial();
        streak.getClassNames().set("text-strong", judicial);
        streak.getClassNames().set("text-error", judicial);
    }

    void askEscalation() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("contracts.escalations.record"));
        ComboBox<EscalationTrigger> trigger = new ComboBox<>(getTranslation("contracts.escalations.trigger"));
        trigger.setItems(EscalationTrigger.values());
        trigger.setItemLabelGenerator(t -> getTranslation("contracts.trigger." + t.name()));
        trigger.setId("escalation-trigger");
        TextArea detail = new TextArea(getTranslation("contracts.escalations.detail"));
        detail.setId("escalation-detail");
        ComboBox<MeetingSummary> meeting = new ComboBox<>(getTranslation("contracts.escalations.meeting"));
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        meeting.setItems(meetings.openMeetings());
        meeting.setItemLabelGenerator(m -> dates.format(m.date()) + " – " + m.chair());
        meeting.setId("escalation-meeting");
        dialog.add(new FormLayout(trigger, meeting, detail));
        Button confirm = new Button(getTranslation("contracts.escalations.record"), e -> {
            try {
                contracts.escalate(client.id(), Optional.empty(), trigger.getValue(), detail.getValue(),
                        Optional.ofNullable(meeting.getValue()).map(MeetingSummary::id));
                dialog.close();
                escalationGrid.setItems(contracts.escalations(client.id()));
                Notification.show(getTranslation("contracts.escalations.recorded")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (ContractException refused) {
                trigger.setInvalid(true);
                trigger.setErrorMessage(said(refused));
            }
        });
        confirm.setId("escalation-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("client.cancel"), e -> dialog.close()), confirm);
        dialog.open();
    }

    private void error(ContractException refused) {
        Notification n = Notification.show(said(refused), 8000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("contracts.title", client == null ? "" : client.fullName()) + " – " + getTranslation("app.name");
    }


    /** A refusal as the user reads it: a declared rule's own message, else the key's translation. */
    private String said(ContractException refused) {
        return refused.said().map(text -> text.in(getLocale())).orElseGet(() -> getTranslation(refused.messageKey(), refused.arguments()));
    }
}
