package org.parcours.submissions.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;

/**
 * What every submission screen (evaluation, aid request, contract) shows when someone else saved
 * the same submission meanwhile: nothing was overwritten; reload their version, or keep mine as a
 * copy. One dialog, the same ids everywhere ({@code conflict-dialog}, {@code conflict-reload},
 * {@code conflict-copy}); the texts are the screen's own.
 */
public final class ConflictDialog {

    /** The message keys of one screen's dialog. */
    public record Texts(String title, String message, String reload, String copy) {
    }

    private ConflictDialog() {
    }

    /** Opens the dialog over {@code owner}; the chosen action runs after it closes. */
    public static Dialog open(Component owner, Texts texts, Runnable reload, Runnable keepMineAsCopy) {
        Dialog dialog = new Dialog();
        dialog.setId("conflict-dialog");
        dialog.setHeaderTitle(owner.getTranslation(texts.title()));
        dialog.add(new Paragraph(owner.getTranslation(texts.message())));
        Button reloadButton = new Button(owner.getTranslation(texts.reload()), e -> {
            dialog.close();
            reload.run();
        });
        reloadButton.setId("conflict-reload");
        Button copy = new Button(owner.getTranslation(texts.copy()), e -> {
            dialog.close();
            keepMineAsCopy.run();
        });
        copy.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        copy.setId("conflict-copy");
        dialog.getFooter().add(reloadButton, copy);
        dialog.setCloseOnOutsideClick(false);
        dialog.open();
        return dialog;
    }
}
