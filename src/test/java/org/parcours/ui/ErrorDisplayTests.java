package org.parcours.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.VaadinSession;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parcours.ParcoursApplication;
import org.parcours.clients.ui.ClientListView;
import org.parcours.testsupport.TestUsers;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.test.context.support.WithUserDetails;

/** Unexpected errors in views and listeners: a generic message and a reference on screen, the details only in the log. */
@SpringBootTest
@ViewPackages(classes = ParcoursApplication.class)
@WithUserDetails(TestUsers.WORKER_NORTH)
@ExtendWith(OutputCaptureExtension.class)
class ErrorDisplayTests extends SpringBrowserlessTest {

    private static final String LEAK = "could not execute statement [SELECT national_register_number FROM client]; SQL [n/a]";

    @Test
    void anExceptionWhileOpeningAViewShowsAGenericPageWithAReferenceThatTheLogAlsoHas(CapturedOutput output) {
        UI.getCurrent().addBeforeEnterListener(event -> {
            if (event.getNavigationTarget() == ClientListView.class) {
                throw new DataIntegrityViolationException(LEAK);
            }
        });

        UI.getCurrent().navigate("clients");

        assertThat(getCurrentView()).isInstanceOf(ServerErrorView.class);
        String page = getCurrentView().getElement().getTextRecursively();
        assertThat(page).contains("Une erreur inattendue s'est produite")
                .doesNotContain("SQL", "national_register_number", "at org.").doesNotContainIgnoringCase("exception");
        String reference = find(Paragraph.class).id("server-error-reference").getText().replaceAll(".*: ", "");
        assertThat(reference).matches("[A-Z2-9]{4}-[A-Z2-9]{4}");
        assertThat(output.getOut() + output.getErr()).contains("reference " + reference, "DataIntegrityViolationException", LEAK);
    }

    @Test
    void anExceptionInAListenerShowsANotificationWithAReferenceNotTheException(CapturedOutput output) {
        VaadinSession.getCurrent().getErrorHandler().error(new ErrorEvent(new IllegalStateException(LEAK)));

        Notification notification = find(Notification.class).id("unexpected-error");
        String text = test(notification).getText();
        assertThat(text).contains("Une erreur inattendue s'est produite", "Référence de l’erreur")
                .doesNotContain("SQL", "IllegalState", "at org.");
        String reference = text.replaceAll(".*: ", "");
        assertThat(output.getOut() + output.getErr()).contains("reference " + reference, "IllegalStateException", LEAK);
    }
}
