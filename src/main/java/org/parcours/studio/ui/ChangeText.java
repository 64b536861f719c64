package org.parcours.studio.ui;

import com.vaadin.flow.component.Component;

import org.parcours.studio.FormDiff;

/** A change of the diff in words, for the form studio and the shared-file studio alike. */
final class ChangeText {

    private ChangeText() {
    }

    static String describe(Component ui, FormDiff.Change change) {
        return switch (change.kind()) {
            case ITEM_ADDED -> ui.getTranslation("studio.diff.added", change.itemId(), change.detail(), change.after());
            case ITEM_REMOVED -> ui.getTranslation("studio.diff.removed", change.itemId(), change.detail(), change.before());
            case RENAMED -> ui.getTranslation("studio.diff.renamed", change.itemId(), change.before());
            case TYPE_CHANGED -> ui.getTranslation("studio.diff.type", change.itemId(), change.before(), change.after());
            case RELABELLED -> ui.getTranslation("studio.diff.relabelled", change.itemId(), change.detail(), change.before(), change.after());
            case OPTION_ADDED -> ui.getTranslation("studio.diff.option-added", change.itemId(), change.detail(), change.after());
            case OPTION_REMOVED -> ui.getTranslation("studio.diff.option-removed", change.itemId(), change.detail(), change.before());
            case MOVED -> ui.getTranslation("studio.diff.moved", change.itemId(), change.detail(), change.before(), change.after());
        };
    }
}
