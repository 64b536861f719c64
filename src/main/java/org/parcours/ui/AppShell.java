package org.parcours.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * Page-level settings: the Lumo theme (Vaadin 25 applies none by default) and the application's
 * own classes, a static style sheet (no frontend bundle involved).
 */
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles.css") // META-INF/resources/styles.css, a path Vaadin's security rules serve to everyone
@Meta(name = "robots", content = "noindex")
public class AppShell implements AppShellConfigurator {
}
