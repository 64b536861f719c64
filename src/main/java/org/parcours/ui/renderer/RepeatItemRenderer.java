package org.parcours.ui.renderer;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.H5;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;

import org.parcours.formdef.Item;
import org.parcours.formdef.RepeatItem;
import org.parcours.formrun.FormSession;
import org.parcours.formrun.ItemState;

/**
 * Rows of the same items (household members...): a titled block with one group per row, a
 * button to add a row and one to remove each row. The number of rows stays between the item's
 * min and max (the buttons are disabled at the limits). After a change every row is drawn
 * again from the session, which keeps paths, ids and answers in step simply.
 */
@org.springframework.stereotype.Component
class RepeatItemRenderer implements ItemRenderer<RepeatItem> {

    @Override
    public Class<RepeatItem> itemType() {
        return RepeatItem.class;
    }

    @Override
    public ItemField render(RepeatItem item, RenderContext context) {
        return new RepeatField(item, context);
    }

    /** The block of a repeat, its rows and buttons. */
    private static final class RepeatField implements ItemField {

        private final RepeatItem item;
        private final String path;
        private final Locale locale;
        private final FieldHost host;
        private final Div block = new Div();
        private final Div rows = new Div();
        private final Span problems = new Span();
        private final Button add = new Button();

        RepeatField(RepeatItem item, RenderContext context) {
            this.item = item;
            this.path = context.path();
            this.locale = context.locale();
            this.host = context.host();
            String label = item.label().in(locale);
            block.setId(FieldIds.of(path));
            block.setWidthFull();
            block.getElement().setAttribute("data-item-type", "repeat");
            block.getElement().setAttribute("role", "group");
            H4 title = new H4(label);
            title.setId(FieldIds.of(path) + "-title");
            title.addClassName("repeat-title");
            block.getElement().setAttribute("aria-labelledby", title.getId().orElseThrow());
            block.add(title);
            item.rules().help().ifPresent(h -> block.add(new Paragraph(h.in(locale))));
            rows.setWidthFull();
            problems.setId(FieldIds.of(path) + "-problems");
            problems.addClassName("text-error");
            problems.getElement().setAttribute("role", "alert");
            problems.setVisible(false);
            add.setText(add.getTranslation(locale, "repeat.add"));
            add.setIcon(VaadinIcon.PLUS.create());
            add.setId("add-row-" + path.replace('.', '-'));
            add.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            add.addClickListener(e -> addRow());
            block.add(rows, problems, add);
            drawRows();
        }

        private FormSession session() {
            return host.session();
        }

        private void addRow() {
            if (session().rowCount(item.id()) >= item.max()) {
                return;
            }
            Set<String> changed = session().addRow(item.id());
            drawRows();
            host.refresh(changed);
            // take the keyboard to the new row
            rows.getChildren().reduce((a, b) -> b).flatMap(RepeatField::firstFocusable).ifPresent(Focusable::focus);
        }

        private void removeRow(int row) {
            if (session().rowCount(item.id()) <= item.min() || row > session().rowCount(item.id())) {
                return;
            }
            Set<String> changed = session().removeRow(item.id(), row);
            host.forget(item.id() + ".");
            drawRows();
            host.refresh(changed);
            add.focus();
        }

        /** Draws every row again from the session (a removed row shifts the rows after it). */
        private void drawRows() {
            rows.removeAll();
            String label = item.label().in(locale);
            int count = session().rowCount(item.id());
            for (int row = 1; row <= count; row++) {
                int number = row;
                Div group = new Div();
                group.setId("row-" + path.replace('.', '-') + "-" + row);
                group.getElement().setAttribute("role", "group");
                group.addClassName("repeat-row");
                H5 heading = new H5(group.getTranslation(locale, "repeat.row", number));
                heading.setId(group.getId().orElseThrow() + "-title");
                group.getElement().setAttribute("aria-labelledby", heading.getId().orElseThrow());
                group.add(heading);
                for (Item child : item.items()) {
                    group.add(host.renderChild(child, item.id() + "." + row + "." + child.id()).component());
                }
                Button remove = new Button(group.getTranslation(locale, "repeat.remove"), VaadinIcon.TRASH.create());
                remove.setId("remove-row-" + path.replace('.', '-') + "-" + row);
                remove.setAriaLabel(remove.getTranslation(locale, "repeat.remove.aria", number, label));
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
                remove.setEnabled(count > item.min());
                remove.addClickListener(e -> removeRow(number));
                group.add(remove);
                rows.add(group);
            }
            add.setEnabled(count < item.max());
            add.setAriaLabel(add.getTranslation(locale, "repeat.add.aria", count + 1, label));
        }

        private static java.util.Optional<Focusable<?>> firstFocusable(Component row) {
            return row.getChildren()
                    .filter(c -> c instanceof Focusable<?> && c.isVisible() && !(c instanceof Button))
                    .<Focusable<?>>map(c -> (Focusable<?>) c)
                    .findFirst();
        }

        @Override
        public Component component() {
            return block;
        }

        @Override
        public void show(ItemState state) {
            block.setVisible(state.visible());
        }

        @Override
        public void showIssues(List<String> messages) {
            problems.setText(String.join(" · ", messages));
            problems.setVisible(!messages.isEmpty());
        }
    }
}
