package org.parcours.contracts;

import java.util.List;
import java.util.Optional;

import org.parcours.formdef.LocalizedText;

/**
 * A contract action that the rules refuse (duration out of range, the 4-year cap, a renewal
 * without evaluation...). {@link #messageKey()} and {@link #arguments()} give the translated
 * message for the UI; {@link #getMessage()} says the same in English for logs and tests.
 */
public class ContractException extends RuntimeException {

    private final String messageKey;
    private final List<Object> arguments;
    private final Optional<LocalizedText> said;

    public ContractException(String messageKey, String message, Object... arguments) {
        this(messageKey, message, Optional.empty(), arguments);
    }

    private ContractException(String messageKey, String message, Optional<LocalizedText> said, Object... arguments) {
        super(message);
        this.messageKey = messageKey;
        this.said = said;
        this.arguments = List.of(arguments);
    }

    /**
     * A refusal by a rule of the contract's declared workflow (forms/programmes): its message is
     * the rule's, in each language; its key names the rule ({@code renewal-needs-evaluation} gives
     * {@code contract.error.renewalNeedsEvaluation}).
     */
    static ContractException byRule(String ruleId, LocalizedText message) {
        StringBuilder key = new StringBuilder("contract.error.");
        boolean upper = false;
        for (char c : ruleId.toCharArray()) {
            if (c == '-' || c == '_') {
                upper = true;
            } else {
                key.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return new ContractException(key.toString(), message.in(java.util.Locale.ENGLISH), Optional.of(message));
    }

    /** The rule's own message in fr/nl/en when a declared rule refused; the UI then shows it instead of the key's. */
    public Optional<LocalizedText> said() {
        return said;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }
}
