package org.parcours.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

import com.vaadin.flow.dom.Element;

import org.parcours.ui.AppShell;

/** Text that would run script if a page used it as markup, and a check that a Vaadin element tree did not. */
public final class Hostile {

    public static final String SCRIPT = "<script>alert('xss')</script>";
    public static final String IMG = "<img src=x onerror=alert(1)>";
    private static final Set<String> LIVE_TAGS = Set.of("script", "img", "iframe", "object", "embed", "svg");

    private Hostile() {
    }

    /**
     * No element of the tree is a script, image, frame or similar, no attribute is an event
     * handler, and no innerHTML property holds such markup: hostile text stayed text.
     */
    public static void assertNoLiveMarkup(Element root) {
        Deque<Element> todo = new ArrayDeque<>();
        todo.push(root);
        int seen = 0;
        while (!todo.isEmpty()) {
            Element element = todo.pop();
            seen++;
            if (!element.isTextNode()) {
                if (!isTheProductLogo(element)) {
                    assertThat(element.getTag()).as("element tag").isNotIn(LIVE_TAGS);
                }
                element.getAttributeNames().forEach(name -> assertThat(name).as("attribute of <" + element.getTag() + ">")
                        .doesNotStartWithIgnoringCase("on"));
                if (element.hasProperty("innerHTML")) {
                    String inner = String.valueOf(element.getProperty("innerHTML"));
                    assertThat(inner).as("innerHTML").doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<img")
                            .doesNotContainPattern("(?i)<[^>]*\\son[a-z]+\\s*=");
                }
            }
            element.getChildren().forEach(todo::push);
        }
        assertThat(seen).as("elements checked under <" + root.getTag() + ">").isGreaterThan(5);
    }

    /** The header's own logo is the one image a page may hold: the application's static file, never user text. */
    private static boolean isTheProductLogo(Element element) {
        return "img".equals(element.getTag()) && AppShell.LOGO.equals(element.getAttribute("src"));
    }
}
