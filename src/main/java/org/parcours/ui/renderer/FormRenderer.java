package org.parcours.ui.renderer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import org.parcours.formdef.FormDefinition;
import org.parcours.formdef.Item;
import org.parcours.formrun.FormSession;
import org.springframework.beans.factory.annotation.Value;

/**
 * Renders a form session section by section through the item renderer registry, and keeps the
 * fields in step with the runtime: each change goes to the session, and only the paths it
 * reports as changed are updated. Items the user's roles may not see are not rendered at all,
 * so nothing of them reaches the browser: those of the session's own version, and those a caller
 * names as hidden (an item sensitive in another version of the form, {@code FormDefinition.hiddenFromAnyOf}).
 */
@org.springframework.stereotype.Component
public class FormRenderer {

    private final ItemRendererRegistry registry;
    private final int lazyAbove;

    /**
     * @param lazyAbove a form with more visible items than this renders lazily: one collapsible
     *                  block per section, only the open one built (docs/decisions/0010)
     */
    public FormRenderer(ItemRendererRegistry registry, @Value("${parcours.forms.lazy-sections-above:80}") int lazyAbove) {
        this.registry = registry;
        this.lazyAbove = lazyAbove;
    }

    /** Renders every section at once for short forms, the open section only for long ones. */
    public RenderedForm render(FormSession session, Locale locale, Set<String> roles) {
        return render(session, locale, roles, Set.of());
    }

    /**
     * As {@link #render(FormSession, Locale, Set)}, also leaving out the items of {@code hidden}
     * (ids hidden from the user in some version of the form, whichever version the session is on).
     */
    public RenderedForm render(FormSession session, Locale locale, Set<String> roles, Set<String> hidden) {
        return new RenderedForm(session, locale, roles, hidden, visibleItems(session.form(), roles, hidden) > lazyAbove);
    }

    /** Renders every section at once whatever the form's length (benchmarks compare both ways). */
    public RenderedForm renderAllSections(FormSession session, Locale locale, Set<String> roles) {
        return renderAllSections(session, locale, roles, Set.of());
    }

    /** Renders every section at once, leaving out the items of {@code hidden} too. */
    public RenderedForm renderAllSections(FormSession session, Locale locale, Set<String> roles, Set<String> hidden) {
        return new RenderedForm(session, locale, roles, hidden, false);
    }

    private static long visibleItems(FormDefinition form, Set<String> roles, Set<String> hidden) {
        return form.sections().stream().flatMap(s -> s.items().stream()).filter(i -> shown(i, roles, hidden)).count();
    }

    /** Whether an item is rendered: visible to the roles by its own rules and not hidden by another version's. */
    private static boolean shown(Item item, Set<String> roles, Set<String> hidden) {
        return item.rules().visibleToRoles(roles) && !hidden.contains(item.id());
    }

    /** The rendered form: its layout and live fields by path. */
    public final class RenderedForm implements FieldHost {

        private final FormSession session;
        private final Locale locale;
        private final Set<String> roles;
        private final Set<String> hidden;
        private final VerticalLayout layout = new VerticalLayout();
        private final Map<String, ItemField> fields = new HashMap<>();
        private final Map<String, Component> sections = new HashMap<>();
        /** Section id by top-level item id: a path's section, to open it before focusing the field. */
        private final Map<String, String> sectionOfItem = new HashMap<>();
        /** Sections of a lazy form whose fields are not built yet, by id. */
        private final Map<String, Runnable> unbuilt = new HashMap<>();
        private final Map<String, PreviousMarker> markers = new HashMap<>();
        private final List<Runnable> changeListeners = new ArrayList<>();
        /** The earlier measurements shown beside grid lines, and the grid sections' heading lines. */
        private List<ScaleGridLine.Earlier> earlier = List.of();
        private final List<com.vaadin.flow.component.html.Div> gridHeads = new ArrayList<>();
        /** The last submission attempt's messages by path, shown again on fields built later. */
        private Map<String, List<String>> shownIssues = Map.of();
        /** Carried-over answers waiting for their section to be built. */
        private CarryOver carryOver;
        private boolean readOnly;

        RenderedForm(FormSession session, Locale locale, Set<String> roles, Set<String> hidden, boolean lazy) {
            this.session = session;
            this.locale = locale;
            this.roles = roles;
            this.hidden = Set.copyOf(hidden);
            FormDefinition form = session.form();
            layout.setPadding(false);
            layout.setId("form-" + form.id());
            layout.getElement().setAttribute("data-lazy-sections", String.valueOf(lazy));
            form.description().ifPresent(d -> layout.add(new Paragraph(d.in(locale))));
            boolean opened = false;
            for (org.parcours.formdef.Section section : form.sections()) {
                section.items().forEach(item -> sectionOfItem.put(item.id(), section.id()));
                VerticalLayout items = new VerticalLayout();
                items.setPadding(false);
                items.setSpacing(false);
                if (section.grid()) {
                    items.addClassName("scale-grid-section");
                }
                Runnable build = () -> {
                    if (section.grid()) {
                        items.add(gridHead(section.id()));
                    }
                    for (Item item : section.items()) {
                        if (shown(item, roles, hidden)) {
                            items.add(field(item, item.id(), section.grid()).component());
                        }
                    }
                };
                Component block;
                boolean visible = session.sectionVisible(section.id());
                if (lazy) {
                    // A long form: each section a collapsible block (its summary a button, reached by
                    // Tab, opened by Enter or Space); only the first visible one is built, the others
                    // when they are opened.
                    Details details = new Details();
                    H3 title = new H3(section.title().in(locale));
                    title.addClassName("form-section-title");
                    details.setSummary(title);
                    section.description().ifPresent(d -> details.add(new Paragraph(d.in(locale))));
                    details.add(items);
                    boolean open = !opened && visible;
                    opened |= open;
                    unbuilt.put(section.id(), build);
                    details.addOpenedChangeListener(e -> {
                        if (e.isOpened()) {
                            buildSection(section.id());
                        }
                    });
                    if (open) {
                        buildSection(section.id());
                        details.setOpened(true);
                    }
                    block = details;
                } else {
                    Section plain = new Section();
                    H3 title = new H3(section.title().in(locale));
                    title.addClassName("form-plain-section-title");
                    plain.add(title);
                    section.description().ifPresent(d -> plain.add(new Paragraph(d.in(locale))));
                    build.run();
                    plain.add(items);
                    block = plain;
                }
                block.setId("section-" + section.id());
                ((com.vaadin.flow.component.HasSize) block).setWidthFull();
                block.setVisible(visible);
                sections.put(section.id(), block);
                layout.add(block);
            }
        }

        /** Builds a lazy section's fields the first time it is opened, with what was shown elsewhere meanwhile. */
        private void buildSection(String sectionId) {
            Runnable build = unbuilt.remove(sectionId);
            if (build == null) {
                return;
            }
            Set<String> before = new java.util.HashSet<>(fields.keySet());
            build.run();
            Set<String> added = new java.util.HashSet<>(fields.keySet());
            added.removeAll(before);
            for (String path : added) {
                List<String> messages = shownIssues.get(path);
                if (messages != null) {
                    fields.get(path).showIssues(messages);
                }
            }
            if (carryOver != null) {
                carryOver.applyTo(added);
            }
            if (readOnly) {
                readOnly(sections.get(sectionId));
            }
        }

        private ItemField field(Item item, String path) {
            return field(item, path, false);
        }

        private ItemField field(Item item, String path, boolean grid) {
            ItemField field = registry.render(item, new RenderContext(path, locale, session.raw(path), raw -> changed(path, raw), this, grid));
            fields.put(path, field);
            field.show(session.state(path));
            if (field instanceof ScaleGridLine line) {
                line.showEarlier(earlier);
            }
            return field;
        }

        /** The heading line of a grid section: the factor, the current choice, then one column per earlier measurement. */
        private com.vaadin.flow.component.html.Div gridHead(String sectionId) {
            com.vaadin.flow.component.html.Div head = new com.vaadin.flow.component.html.Div();
            head.addClassName("scale-line-head");
            head.setId("grid-head-" + sectionId);
            head.getElement().setAttribute("aria-hidden", "true");
            gridHeads.add(head);
            fillHead(head);
            return head;
        }

        private void fillHead(com.vaadin.flow.component.html.Div head) {
            head.removeAll();
            com.vaadin.flow.component.html.Span factor = new com.vaadin.flow.component.html.Span(layout.getTranslation(locale, "evaluation.grid.factor"));
            factor.addClassName("scale-line-label");
            com.vaadin.flow.component.html.Span now = new com.vaadin.flow.component.html.Span(layout.getTranslation(locale, "evaluation.grid.current"));
            now.addClassName("scale-line-choices");
            com.vaadin.flow.component.html.Div dates = new com.vaadin.flow.component.html.Div();
            dates.addClassName("scale-line-earlier");
            for (ScaleGridLine.Earlier m : earlier) {
                com.vaadin.flow.component.html.Span date = new com.vaadin.flow.component.html.Span(m.date());
                date.addClassName("scale-line-cell");
                dates.add(date);
            }
            head.add(factor, now, dates);
        }

        /**
         * Shows the client's earlier measurements (newest first, as many as the caller chose) beside
         * the lines of the grid sections: each its date as text and its answers by path.
         */
        public void showEarlier(List<Map.Entry<String, Map<String, String>>> measurements) {
            earlier = measurements.stream().map(m -> new ScaleGridLine.Earlier(m.getKey(), m.getValue())).toList();
            gridHeads.forEach(this::fillHead);
            fields.values().stream().filter(ScaleGridLine.class::isInstance).map(ScaleGridLine.class::cast)
                    .forEach(line -> line.showEarlier(earlier));
        }

        private void changed(String path, String raw) {
            refresh(session.set(path, raw));
            PreviousMarker marker = markers.get(path);
            if (marker != null) {
                marker.update(session.raw(path));
            }
            ItemField field = fields.get(path);
            if (field != null) {
                field.showIssues(session.issues(path).stream().map(i -> IssueMessages.text(layout, i, locale)).toList());
            }
        }

        public VerticalLayout layout() {
            return layout;
        }

        @Override
        public FormSession session() {
            return session;
        }

        @Override
        public ItemField renderChild(Item child, String path) {
            return shown(child, roles, hidden) ? field(child, path) : new HiddenField();
        }

        @Override
        public void forget(String prefix) {
            fields.keySet().removeIf(p -> p.startsWith(prefix));
        }

        @Override
        public void refresh(Set<String> changedPaths) {
            for (String path : changedPaths) {
                if (path.startsWith("section:")) {
                    Component block = sections.get(path.substring("section:".length()));
                    if (block != null) {
                        block.setVisible(session.sectionVisible(path.substring("section:".length())));
                    }
                    continue;
                }
                ItemField field = fields.get(path);
                if (field != null) {
                    field.show(session.state(path));
                }
                PreviousMarker marker = markers.get(path);
                if (marker != null) {
                    marker.note().setVisible(session.state(path).visible());
                }
            }
            // every change of answers or rows ends here
            changeListeners.forEach(Runnable::run);
        }

        /**
         * Marks answers carried over from the previous evaluation: a note under the field says so,
         * and turns into a highlighted "changed, previously ..." as soon as the answer differs.
         */
        public void markCarriedOver(Set<String> paths, Map<String, String> previous, String sourceText,
                                    java.util.function.BiFunction<String, String, String> changedText) {
            // changedText: (path, previous answer) -> text; paths of sections not built yet get
            // their note when the section is built
            carryOver = new CarryOver(new java.util.HashSet<>(paths), previous, sourceText, changedText);
            carryOver.applyTo(Set.copyOf(fields.keySet()));
        }

        /** Answers carried over from the previous evaluation, noted under their fields once those exist. */
        private final class CarryOver {
            private final Set<String> pending;
            private final Map<String, String> previous;
            private final String sourceText;
            private final java.util.function.BiFunction<String, String, String> changedText;

            CarryOver(Set<String> pending, Map<String, String> previous, String sourceText,
                      java.util.function.BiFunction<String, String, String> changedText) {
                this.pending = pending;
                this.previous = previous;
                this.sourceText = sourceText;
                this.changedText = changedText;
            }

            void applyTo(Set<String> built) {
                for (String path : built) {
                    if (!pending.remove(path)) {
                        continue;
                    }
                    ItemField field = fields.get(path);
                    String before = previous.get(path);
                    if (field == null || before == null) {
                        continue;
                    }
                    com.vaadin.flow.component.html.Span note = new com.vaadin.flow.component.html.Span();
                    note.setId("previous-" + path.replace('.', '-'));
                    if (field.noteSlot().isPresent()) {
                        // a grid line: a compact note inside the line
                        note.addClassName("scale-line-note");
                        field.noteSlot().get().add(note);
                        PreviousMarker marker = new PreviousMarker(note, before, sourceText, changedText.apply(path, before));
                        markers.put(path, marker);
                        marker.update(session.raw(path));
                        note.setVisible(session.state(path).visible());
                        continue;
                    }
                    if (!(field.component().getParent().orElse(null) instanceof com.vaadin.flow.component.HasComponents parent)) {
                        continue;
                    }
                    note.addClassName("previous-note");
                    int index = parent instanceof com.vaadin.flow.component.HasOrderedComponents ordered ? ordered.indexOf(field.component()) : -1;
                    if (parent instanceof com.vaadin.flow.component.HasOrderedComponents ordered && index >= 0) {
                        ordered.addComponentAtIndex(index + 1, note);
                    } else {
                        parent.add(note);
                    }
                    PreviousMarker marker = new PreviousMarker(note, before, sourceText, changedText.apply(path, before));
                    markers.put(path, marker);
                    marker.update(session.raw(path));
                    note.setVisible(session.state(path).visible());
                }
            }
        }

        /** Called after every change of an answer (to save drafts, for instance). */
        public void addChangeListener(Runnable listener) {
            changeListeners.add(listener);
        }

        /** Read-only: nothing can be changed, rows cannot be added or removed. */
        public void setReadOnly() {
            readOnly = true;
            readOnly(layout);
        }

        private void readOnly(com.vaadin.flow.component.Component component) {
            if (component instanceof com.vaadin.flow.component.HasValue<?, ?> field) {
                field.setReadOnly(true);
            }
            if (component instanceof com.vaadin.flow.component.button.Button button) {
                button.setEnabled(false);
            }
            component.getChildren().forEach(this::readOnly);
        }

        /** Focuses and scrolls to the field of a path, if it is shown; opens its section first if it is closed. */
        public void focus(String path) {
            String sectionId = sectionOfItem.get(path.split("\\.")[0]);
            if (sectionId != null && sections.get(sectionId) instanceof Details details) {
                buildSection(sectionId);
                details.setOpened(true);
            }
            ItemField field = fields.get(path);
            if (field != null) {
                field.component().scrollIntoView();
                if (field.focusTarget() instanceof com.vaadin.flow.component.Focusable<?> focusable) {
                    focusable.focus();
                }
            }
        }

        /** The answers to store. */
        public Map<String, String> answers() {
            return session.answersToStore();
        }

        /** Shows every issue of a submission attempt next to its field; returns them translated. */
        public List<String> showAll(List<org.parcours.formrun.Issue> issues) {
            Map<String, List<String>> byPath = new HashMap<>();
            List<String> all = new ArrayList<>();
            for (org.parcours.formrun.Issue issue : issues) {
                String text = IssueMessages.text(layout, issue, locale);
                byPath.computeIfAbsent(issue.path(), p -> new ArrayList<>()).add(text);
                all.add(text);
            }
            fields.forEach((path, field) -> field.showIssues(byPath.getOrDefault(path, List.of())));
            shownIssues = byPath;
            return all;
        }
    }

    /** The note under a carried-over answer. */
    private record PreviousMarker(com.vaadin.flow.component.html.Span note, String before, String sourceText, String changedText) {

        void update(String now) {
            boolean changed = !before.equals(now);
            note.setText(changed ? changedText : sourceText);
            note.getElement().setAttribute("data-changed", String.valueOf(changed));
        }
    }

    /** Stands for an item the user may not see: nothing is rendered or sent. */
    private static final class HiddenField implements ItemField {
        private final com.vaadin.flow.component.html.Span nothing = new com.vaadin.flow.component.html.Span();

        HiddenField() {
            nothing.setVisible(false);
        }

        @Override
        public com.vaadin.flow.component.Component component() {
            return nothing;
        }

        @Override
        public void show(org.parcours.formrun.ItemState state) {
            // never shown
        }
    }
}
