package org.parcours.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.theme.lumo.Lumo;

/** Page-level settings: the Lumo theme (Vaadin 25 applies none by default). */
@StyleSheet(Lumo.STYLESHEET)
@Meta(name = "robots", content = "noindex")
public class AppShell implements AppShellConfigurator {
}
