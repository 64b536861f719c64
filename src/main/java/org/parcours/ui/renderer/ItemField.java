package org.parcours.ui.renderer;

import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;

import org.parcours.formrun.ItemState;

/** The component shown for one item (or one item of a repeat row), updated from the runtime's state. */
public interface ItemField {

    Component component();

    /** What takes the focus when the form points at this field (the component itself, usually). */
    default Component focusTarget() {
        return component();
    }

    /** Where notes about the answer go (the prefill notice); empty: under the component. */
    default java.util.Optional<com.vaadin.flow.component.HasComponents> noteSlot() {
        return java.util.Optional.empty();
    }

    /** Shows visibility, the required mark and (for computed items) the value. */
    default void show(ItemState state) {
        component().setVisible(state.visible());
        if (component() instanceof com.vaadin.flow.component.HasValueAndElement<?, ?> field) {
            field.setRequiredIndicatorVisible(state.required());
        }
    }

    /** Shows the problems of the current answer, already translated; none clears them. */
    default void showIssues(List<String> messages) {
        if (component() instanceof HasValidation field) {
            field.setErrorMessage(String.join(" · ", messages));
            field.setInvalid(!messages.isEmpty());
        }
    }
}
