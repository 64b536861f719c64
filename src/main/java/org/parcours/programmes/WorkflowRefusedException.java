package org.parcours.programmes;

import java.util.List;
import java.util.Optional;

import org.parcours.formdef.LocalizedText;

/**
 * A workflow transition refused: by blocking guards (their messages, in fr/nl/en), or because the
 * workflow does not offer it now ({@link #messageKey()} names the translated message).
 */
public class WorkflowRefusedException extends RuntimeException {

    private final Optional<String> messageKey;
    private final List<LocalizedText> rules;

    WorkflowRefusedException(List<LocalizedText> rules) {
        super("refused by the rules: " + rules.stream().map(r -> r.in(java.util.Locale.ENGLISH)).toList());
        this.messageKey = Optional.empty();
        this.rules = List.copyOf(rules);
    }

    WorkflowRefusedException(String messageKey, String what) {
        super(what);
        this.messageKey = Optional.of(messageKey);
        this.rules = List.of();
    }

    /** The messages of the blocking rules; empty when the refusal is {@link #messageKey()}'s. */
    public List<LocalizedText> rules() {
        return rules;
    }

    public Optional<String> messageKey() {
        return messageKey;
    }
}
