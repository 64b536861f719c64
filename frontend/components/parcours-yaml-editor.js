import { LitElement, html, css } from 'lit';
import { EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter, drawSelection } from '@codemirror/view';
import { EditorState, EditorSelection } from '@codemirror/state';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { syntaxHighlighting, defaultHighlightStyle, indentOnInput, bracketMatching } from '@codemirror/language';
import { yaml } from '@codemirror/lang-yaml';
import { lintGutter, setDiagnostics } from '@codemirror/lint';
import { autocompletion, completionKeymap } from '@codemirror/autocomplete';

/** How long typing must pause before the text goes to the server (which checks it with the engine). */
const DEBOUNCE_MS = 400;

/** Before the cursor on its line: only indentation, an optional list dash and the start of a key. */
const KEY_POSITION = /^\s*(?:-\s+)?([A-Za-z_][\w-]*)?$/;

/**
 * A YAML editor (CodeMirror 6) for org.parcours.ui.editor.YamlEditor.
 * Properties: value (the text; `value-changed` fires after a pause in typing and on blur),
 * problems ([{line, column, message}] shown as lint markers), completions (key names offered
 * at the start of a key), label. Tab indents; Escape then Tab leaves the editor, as CodeMirror
 * recommends for keyboard users.
 * CodeMirror lives in the shadow root: its style sheets are adopted there, where the page's own
 * style handling (which replaces document.adoptedStyleSheets) cannot drop them.
 */
class ParcoursYamlEditor extends LitElement {
  static properties = {
    value: { type: String },
    problems: { type: Array },
    completions: { type: Array },
    label: { type: String },
    hint: { type: String },
  };

  constructor() {
    super();
    this.value = '';
    this.problems = [];
    this.completions = [];
    this.label = '';
    this.hint = '';
  }

  static styles = css`
    :host {
      display: flex;
      flex-direction: column;
      min-height: 10em;
      /* long lines scroll inside the editor instead of widening the page */
      min-width: 0;
    }
    .label {
      color: var(--lumo-secondary-text-color, #555);
      font-size: var(--lumo-font-size-s, 0.875rem);
      font-weight: 500;
      padding-bottom: 0.3em;
    }
    .editor {
      flex: 1 1 auto;
      min-height: 0;
      min-width: 0;
    }
    .hint {
      color: var(--lumo-secondary-text-color, #555);
      font-size: var(--lumo-font-size-xs, 0.8rem);
      padding-top: 0.3em;
    }
  `;

  render() {
    return html`<div class="label" id="label">${this.label}</div>
      <div class="editor"></div>
      <div class="hint">${this.hint}</div>`;
  }

  firstUpdated() {
    const complete = (context) => this._complete(context);
    this._view = new EditorView({
      parent: this.renderRoot.querySelector('.editor'),
      root: this.renderRoot,
      state: EditorState.create({
        doc: this.value ?? '',
        extensions: [
          lineNumbers(),
          highlightActiveLineGutter(),
          highlightActiveLine(),
          drawSelection(),
          history(),
          indentOnInput(),
          bracketMatching(),
          syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
          yaml(),
          lintGutter(),
          autocompletion({ override: [complete] }),
          keymap.of([...completionKeymap, ...defaultKeymap, ...historyKeymap, indentWithTab]),
          EditorView.contentAttributes.of({ 'aria-labelledby': 'label' }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) {
              this._typed();
            }
            if (update.focusChanged && !update.view.hasFocus) {
              this._flush();
            }
          }),
          EditorView.theme({
            '&': { height: '100%', border: '1px solid var(--lumo-contrast-30pct, #ccc)', borderRadius: '4px',
              fontSize: '0.85rem', background: 'var(--lumo-base-color, #fff)' },
            '.cm-scroller': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', overflow: 'auto' },
            '&.cm-focused': { outline: '2px solid var(--lumo-primary-color-50pct, #8ab)' },
          }),
        ],
      }),
    });
    this._showProblems();
  }

  updated(changed) {
    if (!this._view) {
      return;
    }
    if (changed.has('value')) {
      const text = this.value ?? '';
      if (text !== this._view.state.doc.toString()) {
        // a change from the server (an edit form, a loaded version): not echoed back
        this._applying = true;
        this._view.dispatch({ changes: { from: 0, to: this._view.state.doc.length, insert: text } });
        this._applying = false;
      }
    }
    if (changed.has('problems') || changed.has('value')) {
      this._showProblems();
    }
  }

  disconnectedCallback() {
    this._flush();
    super.disconnectedCallback();
  }

  /** Selects a line (1-based), scrolls it into view and focuses the editor. */
  selectLine(line) {
    if (!this._view) {
      return;
    }
    const doc = this._view.state.doc;
    const target = doc.line(Math.min(Math.max(1, line), doc.lines));
    this._view.dispatch({
      selection: EditorSelection.range(target.from, target.to),
      effects: EditorView.scrollIntoView(target.from, { y: 'center' }),
    });
    this._view.focus();
  }

  _typed() {
    if (this._applying) {
      return;
    }
    clearTimeout(this._timer);
    this._timer = setTimeout(() => this._flush(), DEBOUNCE_MS);
  }

  _flush() {
    clearTimeout(this._timer);
    if (!this._view) {
      return;
    }
    const text = this._view.state.doc.toString();
    if (text !== this.value) {
      this.value = text;
      this.dispatchEvent(new CustomEvent('value-changed', { detail: { value: text } }));
    }
  }

  _showProblems() {
    const doc = this._view.state.doc;
    const diagnostics = (this.problems ?? []).map((p) => {
      const line = doc.line(Math.min(Math.max(1, p.line), doc.lines));
      const from = Math.min(line.from + Math.max(0, p.column - 1), line.to);
      // mark the word at the column, or at least one character, so the marker is visible
      const word = /^[^\s:]+/.exec(doc.sliceString(from, line.to));
      const to = word ? from + word[0].length : Math.min(from + 1, doc.length);
      return { from, to, severity: 'error', message: p.message };
    });
    this._view.dispatch(setDiagnostics(this._view.state, diagnostics));
  }

  _complete(context) {
    const line = context.state.doc.lineAt(context.pos);
    const before = line.text.slice(0, context.pos - line.from);
    const match = KEY_POSITION.exec(before);
    if (!match || (!match[1] && !context.explicit)) {
      return null;
    }
    const typed = match[1] ?? '';
    return {
      from: context.pos - typed.length,
      options: (this.completions ?? []).map((key) => ({ label: key, type: 'property', apply: `${key}: ` })),
      validFor: /^[\w-]*$/,
    };
  }
}

customElements.define('parcours-yaml-editor', ParcoursYamlEditor);
