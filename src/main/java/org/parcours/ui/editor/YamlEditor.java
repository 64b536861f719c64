package org.parcours.ui.editor;

import java.util.List;
import java.util.Objects;

import com.vaadin.flow.component.AbstractSinglePropertyField;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;

/**
 * A YAML code editor (CodeMirror 6 in the {@code parcours-yaml-editor} web component of
 * frontend/): syntax highlighting, completion of the given key names, and problems shown as lint
 * markers at their line and column. The value is the text; the browser sends it after a short
 * pause in typing (and when the editor loses focus), so value change events arrive while the user
 * types, not on every key.
 */
@Tag("parcours-yaml-editor")
@NpmPackage(value = "@codemirror/state", version = "6.7.6")
@NpmPackage(value = "@codemirror/view", version = "6.43.15")
@NpmPackage(value = "@codemirror/commands", version = "6.11.1")
@NpmPackage(value = "@codemirror/language", version = "6.13.1")
@NpmPackage(value = "@codemirror/lang-yaml", version = "6.1.3")
@NpmPackage(value = "@codemirror/lint", version = "6.9.8")
@NpmPackage(value = "@codemirror/autocomplete", version = "6.20.4")
@JsModule("./components/parcours-yaml-editor.js")
public class YamlEditor extends AbstractSinglePropertyField<YamlEditor, String> implements HasSize, HasStyle {

    /** A problem at a 1-based line and column of the text. */
    public record Problem(int line, int column, String message) {
        public Problem {
            Objects.requireNonNull(message);
        }
    }

    private List<Problem> problems = List.of();
    private List<String> completions = List.of();

    public YamlEditor() {
        super("value", "", false);
        // The editing area is contenteditable, which assistive checks do not count as reachable by
        // keyboard: an explicit tabindex 0 says so without adding a tab stop (styles.css keeps the
        // editor in the light scheme, its syntax colours being light-only).
        addAttachListener(e -> getElement().executeJs("""
                const el = this;
                customElements.whenDefined('parcours-yaml-editor').then(() => el.updateComplete).then(() => {
                  if (el._view) { el._view.contentDOM.tabIndex = 0; }
                });"""));
    }

    public void setLabel(String label) {
        getElement().setProperty("label", label);
    }

    /** A line under the editor, e.g. how to leave it with the keyboard. */
    public void setHint(String hint) {
        getElement().setProperty("hint", hint);
    }

    /** Shows these problems as markers in the text, replacing earlier ones. */
    public void setProblems(List<Problem> problems) {
        this.problems = List.copyOf(problems);
        getElement().setPropertyList("problems", this.problems);
    }

    public List<Problem> getProblems() {
        return problems;
    }

    /** Key names offered where a key can start. */
    public void setCompletions(List<String> keys) {
        this.completions = List.copyOf(keys);
        getElement().setPropertyList("completions", this.completions);
    }

    public List<String> getCompletions() {
        return completions;
    }

    /** Selects a line (1-based), scrolls to it and focuses the editor. */
    public void selectLine(int line) {
        getElement().callJsFunction("selectLine", line);
    }
}
