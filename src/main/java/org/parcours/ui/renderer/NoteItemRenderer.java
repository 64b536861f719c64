package org.parcours.ui.renderer;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Div;

import org.commonmark.node.Link;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;
import org.parcours.formdef.NoteItem;

/**
 * A note: the item's Markdown as HTML. Raw HTML in the Markdown is escaped (shown as text, never
 * run) and link addresses other than http, https, mailto and tel (e.g. {@code javascript:},
 * {@code data:}) are dropped,
 * so a form file cannot inject script into the page.
 */
@org.springframework.stereotype.Component
class NoteItemRenderer implements ItemRenderer<NoteItem> {

    private static final Set<String> LINK_SCHEMES = Set.of("http", "https", "mailto", "tel");
    private static final Set<String> IMAGE_SCHEMES = Set.of("http", "https");
    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new UrlSanitizer() {
                @Override
                public String sanitizeLinkUrl(String url) {
                    return allowed(url, LINK_SCHEMES) ? url : "";
                }

                @Override
                public String sanitizeImageUrl(String url) {
                    return allowed(url, IMAGE_SCHEMES) ? url : "";
                }
            })
            .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                if (node instanceof Link) {
                    attributes.putAll(Map.of("rel", "noopener noreferrer nofollow"));
                }
            })
            .build();

    @Override
    public Class<NoteItem> itemType() {
        return NoteItem.class;
    }

    @Override
    public ItemField render(NoteItem item, RenderContext context) {
        Div note = new Div(new Html(html(item.label().in(context.locale()))));
        note.setId(FieldIds.of(context.path()));
        note.addClassName("form-note");
        note.setWidthFull();
        note.getElement().setAttribute("data-item-type", "note");
        return () -> note;
    }

    /** The Markdown as safe HTML with a single root element (as {@link Html} requires). */
    static String html(String markdown) {
        return "<div>" + HTML.render(PARSER.parse(markdown)) + "</div>";
    }

    /** Whether a URL is relative or uses one of the schemes (ignoring blanks and case, as browsers do). */
    static boolean allowed(String url, Set<String> schemes) {
        StringBuilder compact = new StringBuilder();
        url.codePoints().filter(c -> c > 0x20 && c != 0x7f).forEach(compact::appendCodePoint);
        String text = compact.toString();
        int colon = text.indexOf(':');
        if (colon < 0) {
            return true;
        }
        int pathStart = text.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int at = text.indexOf(c);
            if (at >= 0) {
                pathStart = Math.min(pathStart, at);
            }
        }
        return colon > pathStart || schemes.contains(text.substring(0, colon).toLowerCase(Locale.ROOT));
    }
}
