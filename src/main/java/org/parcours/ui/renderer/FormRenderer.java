package org.parcours.ui.renderer;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import org.parcours.formdef.FormDefinition;
import org.parcours.formdef.Item;
import org.springframework.stereotype.Component;

/** Renders a whole form definition, section by section, through the item renderer registry. */
@Component
public class FormRenderer {

    private final ItemRendererRegistry registry;

    public FormRenderer(ItemRendererRegistry registry) {
        this.registry = registry;
    }

    public RenderedForm render(FormDefinition form, Locale locale, Map<String, String> answers) {
        VerticalLayout layout = new VerticalLayout();
        layout.setPadding(false);
        layout.setId("form-" + form.id());
        Map<String, ItemField> fields = new LinkedHashMap<>();
        for (org.parcours.formdef.Section section : form.sections()) {
            Section block = new Section();
            block.setId("section-" + section.id());
            block.setWidthFull();
            H3 title = new H3(section.title().in(locale));
            title.getStyle().set("margin-block", "var(--lumo-space-m) var(--lumo-space-s)");
            block.add(title);
            VerticalLayout items = new VerticalLayout();
            items.setPadding(false);
            items.setSpacing(false);
            for (Item item : section.items()) {
                ItemField field = registry.render(item, locale, answers.getOrDefault(item.id(), ""));
                fields.put(item.id(), field);
                items.add(field.component());
            }
            block.add(items);
            layout.add(block);
        }
        return new RenderedForm(layout, fields);
    }

    /** The rendered form and its fields by item id. */
    public record RenderedForm(VerticalLayout layout, Map<String, ItemField> fields) {

        public Map<String, String> answers() {
            Map<String, String> answers = new LinkedHashMap<>();
            fields.forEach((id, field) -> answers.put(id, field.value()));
            return answers;
        }
    }
}
