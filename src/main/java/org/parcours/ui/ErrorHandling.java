package org.parcours.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

import org.parcours.database.TransientFailures;
import org.parcours.security.ClientDisconnects;
import org.parcours.security.ErrorReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every Vaadin session gets an error handler for exceptions escaping event listeners (a click, a
 * value change): the user sees a generic message with a reference, the log gets the stack trace
 * with the same reference; no exception text, class name or SQL reaches the browser.
 */
@Component
class ErrorHandling implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

    static final ErrorHandler HANDLER = ErrorHandling::handle;

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(HANDLER));
        // also for sessions that existed before (and for test harnesses that create none through the service)
        event.getSource().addUIInitListener(init -> {
            if (!(init.getUI().getSession().getErrorHandler() == HANDLER)) {
                init.getUI().getSession().setErrorHandler(HANDLER);
            }
        });
    }

    private static void handle(ErrorEvent event) {
        if (ClientDisconnects.isDisconnect(event.getThrowable())) {
            // the browser went away (tab closed): nobody to tell, nothing wrong with the application
            log.debug("Client went away during a UI request: {}", ClientDisconnects.describe(event.getThrowable()));
            return;
        }
        if (TransientFailures.outcomeUnknown(event.getThrowable())) {
            log.warn("The database connection was lost during a commit; the save may be stored", event.getThrowable());
            notify(ui -> ui.getTranslation("error.outcomeUnknown"));
            return;
        }
        if (TransientFailures.connectionLost(event.getThrowable())) {
            log.warn("The database could not be reached, also after the retries: {}", event.getThrowable().toString());
            notify(ui -> ui.getTranslation("error.databaseUnavailable"));
            return;
        }
        if (TransientFailures.transientCause(event.getThrowable()).isPresent()) {
            // a deadlock or cluster conflict that outlasted the retries: the user can act on it
            log.info("A save was rolled back by the database after every retry: {}",
                    TransientFailures.transientCause(event.getThrowable()).orElseThrow());
            notify(ui -> ui.getTranslation("error.concurrentSave"));
            return;
        }
        String reference = ErrorReference.next();
        log.error("Unexpected error in the UI, reference {}", reference, event.getThrowable());
        notify(ui -> ui.getTranslation("error.unexpected") + " " + ui.getTranslation("error.reference", reference));
    }

    private static void notify(java.util.function.Function<UI, String> text) {
        UI ui = UI.getCurrent();
        if (ui != null) {
            Notification notification = new Notification(text.apply(ui), 8000, Notification.Position.MIDDLE);
            notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
            notification.setId("unexpected-error");
            notification.open();
        }
    }
}
