package org.parcours.ui.renderer;

import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;

/**
 * A field whose problems come from the form runtime only: the component's own validation is
 * switched off (it would otherwise clear or replace the runtime's message on blur). For fields
 * that parse what is typed (numbers, days), text the browser cannot read is reported too, since
 * the runtime only ever sees an empty answer then.
 */
final class RuntimeValidatedField<C extends Component & HasValidation & HasValue<?, ?>> implements ItemField {

    private final C field;
    private final String badInputMessage;
    private List<String> issues = List.of();
    private boolean badInput;

    private RuntimeValidatedField(C field, String badInputMessage) {
        this.field = field;
        this.badInputMessage = badInputMessage;
        field.setManualValidation(true);
    }

    static <C extends Component & HasValidation & HasValue<?, ?>> RuntimeValidatedField<C> of(C field) {
        return new RuntimeValidatedField<>(field, "");
    }

    /** Also reports unreadable input ("12a" in a number field) with the given, translated message. */
    static <C extends Component & HasValidation & HasValue<?, ?>> RuntimeValidatedField<C> withBadInput(C field, String message) {
        RuntimeValidatedField<C> wrapper = new RuntimeValidatedField<>(field, message);
        field.getElement().addEventListener("unparsable-change", e -> {
            wrapper.badInput = field.isEmpty() && !field.getElement().getProperty("_inputElementValue", "").isEmpty();
            wrapper.apply();
        }).synchronizeProperty("_inputElementValue");
        return wrapper;
    }

    @Override
    public C component() {
        return field;
    }

    @Override
    public void showIssues(List<String> messages) {
        issues = List.copyOf(messages);
        badInput = badInput && field.isEmpty();
        apply();
    }

    private void apply() {
        List<String> all = new ArrayList<>();
        if (badInput && !badInputMessage.isEmpty()) {
            all.add(badInputMessage);
        }
        all.addAll(issues);
        field.setErrorMessage(String.join(" · ", all));
        field.setInvalid(!all.isEmpty());
    }
}
