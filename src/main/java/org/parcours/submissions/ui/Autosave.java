package org.parcours.submissions.ui;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.shared.Registration;

import org.parcours.security.ErrorReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

/**
 * The editing of a draft submission, the same on every screen (an evaluation, an aid request, a
 * contract's text): autosave, the conflict dialog and the database-down message.
 * <ul>
 * <li>A change is saved at once when the last save is a few seconds old, else on the next poll;
 * leaving the screen saves what is pending. The user's own save goes at once.</li>
 * <li>When the database does not answer, the answers stay on the page, the state line says so, a
 * save the user asked for also gets a message with an error reference, and the autosave tries
 * again after a pause.</li>
 * <li>When someone else saved the submission meanwhile, the conflict dialog offers their version
 * or mine kept as a copy; nothing is saved while it is open.</li>
 * </ul>
 * The screen gives the one save attempt of its current answers and its own texts; the state line
 * is the screen's.
 */
public final class Autosave {

    private static final Logger log = LoggerFactory.getLogger(Autosave.class);

    static final long EVERY_MS = 3000;
    static final int POLL_MS = 2000;
    /** each attempt without a database waits for the connection pool's timeout: the autosave pauses this long */
    static final long DATABASE_RETRY_MS = 30_000;

    /** What one save attempt gave; a refusal may say why on the state line. */
    public record Outcome(Kind kind, String stateLine) {

        enum Kind { SAVED, CONFLICT, REFUSED }

        public static final Outcome SAVED = new Outcome(Kind.SAVED, "");
        /** someone else saved meanwhile; the attempt has opened {@link #conflict} */
        public static final Outcome CONFLICT = new Outcome(Kind.CONFLICT, "");
        public static final Outcome REFUSED = new Outcome(Kind.REFUSED, "");

        public static Outcome refused(String stateLine) {
            return new Outcome(Kind.REFUSED, stateLine);
        }
    }

    /**
     * One save attempt of the screen's current answers. A database that does not answer is left
     * to propagate ({@link DataAccessException}, {@link TransactionException}): the autosave says so.
     */
    @FunctionalInterface
    public interface Attempt {
        Outcome save();
    }

    private final Component owner;
    private final Span state;
    private final Clock clock;
    private final ConflictDialog.Texts conflictTexts;
    private final String unsavedNoticeId;
    private final Attempt attempt;
    private boolean dirty;
    private long lastSave;
    private long retryAt;
    private Registration poll;
    private Dialog conflictDialog;
    private Notification unsavedNotice;

    /**
     * @param conflictTexts the message keys of the screen's conflict dialog
     * @param unsavedNoticeId the id of the message shown when a save the user asked for found no database
     */
    public Autosave(Component owner, Span state, Clock clock, ConflictDialog.Texts conflictTexts, String unsavedNoticeId,
                    Attempt attempt) {
        this.owner = owner;
        this.state = state;
        this.clock = clock;
        this.conflictTexts = conflictTexts;
        this.unsavedNoticeId = unsavedNoticeId;
        this.attempt = attempt;
        owner.addAttachListener(e -> poll = e.getUI().addPollListener(p -> flush()));
        owner.addDetachListener(e -> {
            flush();
            e.getUI().setPollInterval(-1);
            if (poll != null) {
                poll.remove();
            }
        });
    }

    /** An answer changed. */
    public void changed() {
        dirty = true;
        if (inConflict()) {
            return;
        }
        state.setText(owner.getTranslation("submission.autosave.pending"));
        if (clock.millis() - lastSave >= EVERY_MS && clock.millis() >= retryAt) {
            attempt(false);
        } else {
            pollEvery(POLL_MS);
        }
    }

    /** Saves what is pending now (for example before leaving the screen), unless the database pause runs. */
    public void flush() {
        if (dirty && clock.millis() >= retryAt) {
            attempt(false);
        }
    }

    /** The user asked to save: at once, whatever the pauses; true when saved. */
    public boolean saveNow() {
        return attempt(true);
    }

    /** The screen saved (or reloaded) on its own: nothing is pending. */
    public void clean() {
        dirty = false;
        lastSave = clock.millis();
        pollEvery(-1);
    }

    /** The form was built anew from what is stored: a pending edit belonged to the old one and is dropped. */
    public void discard() {
        dirty = false;
        pollEvery(-1);
    }

    /**
     * Someone else saved the submission meanwhile: opens the conflict dialog (once); nothing is
     * saved while it is open, and the edits made meanwhile are not saved over the choice.
     */
    public void conflict(Runnable reloadTheirs, Runnable keepMineAsCopy) {
        if (inConflict()) {
            return;
        }
        discard();
        conflictDialog = ConflictDialog.open(owner, conflictTexts, () -> {
            discard();
            reloadTheirs.run();
        }, () -> {
            discard();
            keepMineAsCopy.run();
        });
    }

    /** The conflict dialog waits for the user's choice. */
    public boolean inConflict() {
        return conflictDialog != null && conflictDialog.isOpened();
    }

    /**
     * Something the user asked for (a save, a submission) found no database: says so plainly (no
     * exception text) with an error reference; every typed answer stays on the page.
     */
    public void databaseDown(RuntimeException cause) {
        unsaved(true, cause);
    }

    private boolean attempt(boolean explicit) {
        if (inConflict()) {
            return false;
        }
        Outcome outcome;
        try {
            outcome = attempt.save();
        } catch (DataAccessException | TransactionException down) {
            retryAt = clock.millis() + DATABASE_RETRY_MS;
            pollEvery(POLL_MS);
            unsaved(explicit, down);
            return false;
        }
        switch (outcome.kind()) {
            case SAVED -> {
                retryAt = 0;
                if (unsavedNotice != null) {
                    unsavedNotice.close(); // the red "not saved" must not outlive the save that worked
                    unsavedNotice = null;
                }
                clean();
                state.setText(owner.getTranslation("submission.autosave.done", DateTimeFormatter.ofLocalizedTime(FormatStyle.MEDIUM)
                        .withLocale(locale()).withZone(ZoneId.systemDefault()).format(clock.instant())));
                return true;
            }
            case CONFLICT -> {
                // what I typed is not stored: the state line keeps saying so until the choice is made
                discard();
                return false;
            }
            default -> {
                discard();
                state.setText(outcome.stateLine());
                return false;
            }
        }
    }

    private void unsaved(boolean explicit, RuntimeException cause) {
        String reference = ErrorReference.next();
        log.warn("{} not saved, database unavailable (reference {}): {}", owner.getClass().getSimpleName(), reference, cause.toString());
        state.setText(owner.getTranslation("submission.unsaved.database"));
        if (explicit) {
            Notification notification = new Notification(owner.getTranslation("evaluation.unsaved.database.retry") + " "
                    + owner.getTranslation("error.reference", reference), 10000, Notification.Position.MIDDLE);
            notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
            notification.setId(unsavedNoticeId);
            notification.open();
            unsavedNotice = notification;
        }
    }

    private Locale locale() {
        return owner.getUI().map(UI::getLocale).orElse(Locale.getDefault());
    }

    private void pollEvery(int millis) {
        owner.getUI().or(() -> Optional.ofNullable(UI.getCurrent())).ifPresent(ui -> ui.setPollInterval(millis));
    }
}
