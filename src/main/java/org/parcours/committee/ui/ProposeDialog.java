package org.parcours.committee.ui;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;

import org.parcours.committee.AgendaQuestion;
import org.parcours.committee.CommitteeException;
import org.parcours.committee.MeetingService;
import org.parcours.committee.MeetingService.MeetingSummary;

/** A worker proposes a client to an open committee meeting with a question. */
class ProposeDialog extends Dialog {

    final Select<MeetingSummary> meeting = new Select<>();
    final Select<AgendaQuestion> question = new Select<>();
    final TextArea text = new TextArea();

    ProposeDialog(MeetingService service, long clientId, String clientName) {
        setHeaderTitle(getTranslation("committee.propose.title", clientName));
        List<MeetingSummary> open = service.openMeetings();
        if (open.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("committee.propose.noMeeting"));
            none.setId("propose-no-meeting");
            add(none);
            getFooter().add(new Button(getTranslation("client.cancel"), e -> close()));
            return;
        }
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        meeting.setId("propose-meeting");
        meeting.setLabel(getTranslation("committee.propose.meeting"));
        meeting.setItems(open);
        meeting.setItemLabelGenerator(m -> dates.format(m.date()) + " (" + m.chair() + ")");
        meeting.setValue(open.getLast());
        question.setId("propose-question");
        question.setLabel(getTranslation("committee.propose.question"));
        question.setItems(AgendaQuestion.values());
        question.setItemLabelGenerator(q -> getTranslation("committee.question." + q.name()));
        text.setId("propose-text");
        text.setLabel(getTranslation("committee.propose.text"));
        text.setMaxLength(1000);
        add(new FormLayout(meeting, question, text));
        Button save = new Button(getTranslation("committee.propose.save"), e -> {
            try {
                service.propose(meeting.getValue().id(), clientId, question.getValue(), text.getValue());
                Notification.show(getTranslation("committee.propose.done"));
                close();
            } catch (CommitteeException invalid) {
                if (invalid.messageKey().equals("committee.error.questionRequired")) {
                    question.setErrorMessage(getTranslation(invalid.messageKey()));
                    question.setInvalid(true);
                } else if (invalid instanceof org.parcours.committee.RuleRefusedException refused) {
                    text.setErrorMessage(getTranslation(invalid.messageKey(), refused.rules().stream()
                            .map(r -> r.message().in(getLocale())).collect(java.util.stream.Collectors.joining(" – "))));
                    text.setInvalid(true);
                } else {
                    text.setErrorMessage(getTranslation(invalid.messageKey()));
                    text.setInvalid(true);
                }
            }
        });
        save.setId("propose-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("client.cancel"), e -> close()), save);
    }
}
