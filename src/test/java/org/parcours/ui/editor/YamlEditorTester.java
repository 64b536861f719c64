package org.parcours.ui.editor;

import com.vaadin.browserless.ComponentTester;

/** Browserless tests type into a {@link YamlEditor} as a user would: the change comes from the client. */
public class YamlEditorTester extends ComponentTester<YamlEditor> {

    public YamlEditorTester(YamlEditor editor) {
        super(editor);
    }

    public void setValue(String text) {
        ensureComponentIsUsable();
        setValueAsUser(text);
    }
}
