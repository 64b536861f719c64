package org.parcours.submissions.ui;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.shared.Registration;

/**
 * The autosave of a draft submission (an aid request, a contract's text): a change is saved at
 * once when the last save is a few seconds old, else on the next poll; when the database does not
 * answer, the answers stay on the page, the state line says so and saving is tried again after a
 * pause; a conflict or a refusal stops it until the next change. The state line is the screen's.
 */
public final class Autosave {

    static final long EVERY_MS = 3000;
    static final int POLL_MS = 2000;
    static final long DATABASE_RETRY_MS = 30_000;

    /** What one save attempt gave. */
    public enum Outcome { SAVED, CONFLICT, DATABASE_DOWN, REFUSED }

    /** One save attempt of the screen's current answers. */
    @FunctionalInterface
    public interface Attempt {
        Outcome save();
    }

    private final Component owner;
    private final Span state;
    private final Clock clock;
    private final Attempt attempt;
    private boolean dirty;
    private long lastSave;
    private long retryAt;
    private Registration poll;

    public Autosave(Component owner, Span state, Clock clock, Attempt attempt) {
        this.owner = owner;
        this.state = state;
        this.clock = clock;
        this.attempt = attempt;
        owner.addAttachListener(e -> poll = e.getUI().addPollListener(p -> saveIfDirty()));
        owner.addDetachListener(e -> {
            saveIfDirty();
            e.getUI().setPollInterval(-1);
            if (poll != null) {
                poll.remove();
            }
        });
    }

    /** An answer changed. */
    public void changed() {
        dirty = true;
        state.setText(owner.getTranslation("submission.autosave.pending"));
        if (clock.millis() - lastSave >= EVERY_MS && clock.millis() >= retryAt) {
            saveNow();
        } else {
            pollEvery(POLL_MS);
        }
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

    private void saveIfDirty() {
        if (dirty && clock.millis() >= retryAt) {
            saveNow();
        }
    }

    private void saveNow() {
        Outcome outcome = attempt.save();
        switch (outcome) {
            case SAVED -> {
                retryAt = 0;
                clean();
                state.setText(owner.getTranslation("submission.autosave.done", DateTimeFormatter.ofLocalizedTime(FormatStyle.MEDIUM)
                        .withLocale(owner.getUI().map(UI::getLocale).orElse(java.util.Locale.getDefault())).withZone(ZoneId.systemDefault()).format(clock.instant())));
            }
            case DATABASE_DOWN -> {
                retryAt = clock.millis() + DATABASE_RETRY_MS;
                pollEvery(POLL_MS);
                state.setText(owner.getTranslation("submission.unsaved.database"));
            }
            case CONFLICT, REFUSED -> {
                dirty = false;
                pollEvery(-1);
                state.setText("");
            }
        }
    }

    private void pollEvery(int millis) {
        owner.getUI().or(() -> java.util.Optional.ofNullable(UI.getCurrent())).ifPresent(ui -> ui.setPollInterval(millis));
    }
}
