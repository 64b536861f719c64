package org.parcours.studio.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.dnd.GridDropLocation;
import com.vaadin.flow.component.grid.dnd.GridDropMode;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;

import org.parcours.formdef.FormDefinition;
import org.parcours.formdef.FormProblem;
import org.parcours.formdef.LocalizedText;
import org.parcours.formdef.RepeatItem;
import org.parcours.formrun.FormSession;
import org.parcours.formrun.ItemState;
import org.parcours.security.Role;
import org.parcours.studio.FormOutline;
import org.parcours.studio.FormStudio;
import org.parcours.studio.YamlEdits;
import org.parcours.ui.renderer.FormRenderer;

/**
 * The studio's visual builder: the form's tree (sections, items, repeats with their children)
 * beside the properties of the selected node and the real renderer's preview with sample
 * answers. Every action is a {@link YamlEdits} edit of the same draft text the YAML tab shows,
 * checked by the engine like typed YAML (docs/decisions/0023).
 */
final class FormBuilder extends VerticalLayout implements BuilderProperties.Host {

    private static final String ID_PATTERN = "[a-z][a-z0-9_-]{0,79}";

    private final FormStudio studio;
    private final String formKey;
    private final FormRenderer renderer;
    private final Clock clock;
    private final Supplier<String> text;
    private final Consumer<String> apply;

    private Optional<FormOutline> outline = Optional.empty();
    private FormStudio.Check check = new FormStudio.Check(Optional.empty(), List.of());
    private String sourceName = "";
    private Optional<String> selected = Optional.empty();
    private Optional<FormSession> session = Optional.empty();
    private Map<String, String> sample = new HashMap<>();
    private boolean active;
    private String dragged;

    private final TreeGrid<FormOutline.Node> tree = new TreeGrid<>();
    private final BuilderProperties properties = new BuilderProperties(this);
    private final VerticalLayout start = new VerticalLayout();
    private final HorizontalLayout body = new HorizontalLayout();
    private final Select<String> paletteType = new Select<>();
    private final TextField newId = new TextField();
    private final List<TextField> newLabels = new ArrayList<>();
    private final Span message = new Span();
    private final Span status = new Span();
    private final Select<String> language = new Select<>();
    private final Div preview = new Div();

    FormBuilder(FormStudio studio, String formKey, FormRenderer renderer, Clock clock, Supplier<String> text, Consumer<String> apply) {
        this.studio = studio;
        this.formKey = formKey;
        this.renderer = renderer;
        this.clock = clock;
        this.text = text;
        this.apply = apply;
        setId("builder");
        setPadding(false);
        setWidthFull();
        message.setId("builder-message");
        message.addClassName("builder-message");
        status.setId("builder-status");
        add(status, message, startPanel(), body());
    }

    // ---- layout ------------------------------------------------------------------------------

    private VerticalLayout startPanel() {
        start.setId("builder-start");
        start.setPadding(false);
        List<TextField> titles = new ArrayList<>();
        for (String l : LocalizedText.LANGUAGES) {
            TextField title = new TextField(getTranslation("builder.start.title", getTranslation("builder.lang." + l)));
            title.setId("builder-start-" + l);
            titles.add(title);
        }
        Button begin = new Button(getTranslation("builder.start"), e -> {
            if (titles.stream().anyMatch(t -> t.getValue().isBlank())) {
                say(getTranslation("builder.start.fill-all"));
                return;
            }
            apply.accept(YamlEdits.startForm(formKey, titles.get(0).getValue(), titles.get(1).getValue(), titles.get(2).getValue()));
        });
        begin.setId("builder-start-button");
        begin.addThemeVariants(ButtonVariant.PRIMARY);
        HorizontalLayout row = new HorizontalLayout(titles.toArray(TextField[]::new));
        row.add(begin);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        start.add(new Span(getTranslation("builder.start.explain")), row);
        return start;
    }

    private HorizontalLayout body() {
        tree.setId("builder-tree");
        tree.addHierarchyColumn(this::treeLabel).setHeader(getTranslation("builder.tree")).setFlexGrow(1);
        tree.setHeight("28em");
        tree.setRowsDraggable(true);
        tree.setDropMode(GridDropMode.ON_TOP_OR_BETWEEN);
        tree.addDragStartListener(e -> dragged = e.getDraggedItems().isEmpty() ? null : e.getDraggedItems().getFirst().id());
        tree.addDragEndListener(e -> dragged = null);
        tree.addDropListener(e -> e.getDropTargetItem().ifPresent(target -> {
            if (dragged != null) {
                drop(dragged, target.id(), e.getDropLocation());
            }
        }));
        tree.asSingleSelect().addValueChangeListener(e -> {
            if (e.isFromClient() || e.getValue() != null) {
                selected = Optional.ofNullable(e.getValue()).map(FormOutline.Node::id);
                showProperties();
            }
        });
        // the form's own properties (retired ids, privacy): shown when nothing in the tree is chosen
        Button formProperties = new Button(getTranslation("builder.form.show"), e -> {
            selected = Optional.empty();
            tree.deselectAll();
            showProperties();
        });
        formProperties.setId("builder-form-properties");
        formProperties.addThemeVariants(ButtonVariant.TERTIARY);
        VerticalLayout left = new VerticalLayout(new H3(getTranslation("builder.tree")), formProperties, tree, moveButtons(), palette());
        left.setPadding(false);
        left.addClassName("builder-tree-column");

        VerticalLayout middle = new VerticalLayout(new H3(getTranslation("builder.properties.title")), properties);
        middle.setPadding(false);
        middle.addClassName("builder-properties-column");

        language.setId("builder-language");
        language.setLabel(getTranslation("studio.preview.language"));
        language.setItems(LocalizedText.LANGUAGES);
        language.setItemLabelGenerator(l -> Locale.of(l).getDisplayLanguage(getLocale()));
        language.setValue(LocalizedText.LANGUAGES.contains(getLocale().getLanguage()) ? getLocale().getLanguage() : "fr");
        language.addValueChangeListener(e -> showPreview());
        preview.setId("builder-preview");
        preview.setWidthFull();
        Span sampleHint = new Span(getTranslation("builder.preview.hint"));
        VerticalLayout right = new VerticalLayout(new H3(getTranslation("studio.preview")), sampleHint, language, preview);
        right.setPadding(false);
        right.addClassName("builder-preview-column");

        body.add(left, middle, right);
        body.setWidthFull();
        // three columns that share the width (styles.css): the properties never run over the preview
        body.addClassName("builder-body");
        return body;
    }

    private String treeLabel(FormOutline.Node node) {
        String label = node.kind() == FormOutline.Kind.SECTION ? node.text("title", lang()) : node.type().equals("note")
                ? node.text("text", lang()) : node.text("label", lang());
        String type = node.kind() == FormOutline.Kind.SECTION ? getTranslation("builder.type.section")
                : getTranslation("builder.type." + (BuilderProperties.TYPES.contains(node.type()) ? node.type() : "unknown"));
        return node.id() + " – " + label + " (" + type + ")";
    }

    /** Move up/down/in/out, duplicate and delete: the keyboard equivalents of dragging (Alt+arrows). */
    private HorizontalLayout moveButtons() {
        Button up = tool("builder-up", "↑", "builder.move.up", this::up);
        up.addClickShortcut(Key.ARROW_UP, KeyModifier.ALT).listenOn(this);
        Button down = tool("builder-down", "↓", "builder.move.down", this::down);
        down.addClickShortcut(Key.ARROW_DOWN, KeyModifier.ALT).listenOn(this);
        Button in = tool("builder-in", "→", "builder.move.in", this::in);
        in.addClickShortcut(Key.ARROW_RIGHT, KeyModifier.ALT).listenOn(this);
        Button out = tool("builder-out", "←", "builder.move.out", this::out);
        out.addClickShortcut(Key.ARROW_LEFT, KeyModifier.ALT).listenOn(this);
        Button duplicate = tool("builder-duplicate", getTranslation("builder.duplicate"), "builder.duplicate", this::duplicate);
        Button delete = tool("builder-delete", getTranslation("builder.delete"), "builder.delete", this::confirmDelete);
        delete.addThemeVariants(ButtonVariant.ERROR);
        HorizontalLayout row = new HorizontalLayout(up, down, in, out, duplicate, delete);
        row.setWrap(true);
        return row;
    }

    private Button tool(String id, String caption, String nameKey, Runnable action) {
        Button button = new Button(caption, e -> action.run());
        button.setId(id);
        button.setAriaLabel(getTranslation(nameKey));
        button.setTooltipText(getTranslation(nameKey + ".tip"));
        button.addThemeVariants(ButtonVariant.TERTIARY);
        return button;
    }

    private VerticalLayout palette() {
        paletteType.setId("builder-type");
        paletteType.setLabel(getTranslation("builder.palette.type"));
        List<String> types = new ArrayList<>(List.of("section"));
        types.addAll(BuilderProperties.TYPES);
        paletteType.setItems(types);
        paletteType.setItemLabelGenerator(t -> getTranslation("builder.type." + t));
        paletteType.setValue("text");
        newId.setId("builder-new-id");
        newId.setLabel(getTranslation("builder.palette.id"));
        HorizontalLayout first = new HorizontalLayout(paletteType, newId);
        HorizontalLayout labels = new HorizontalLayout();
        labels.addClassName("builder-languages");
        for (String l : LocalizedText.LANGUAGES) {
            TextField label = new TextField(getTranslation("builder.lang." + l));
            label.setId("builder-new-" + l);
            newLabels.add(label);
            labels.add(label);
        }
        Button add = new Button(getTranslation("builder.palette.add"), e -> addFromPalette());
        add.setId("builder-add");
        add.addThemeVariants(ButtonVariant.PRIMARY);
        VerticalLayout palette = new VerticalLayout(new H3(getTranslation("builder.palette")), first, labels, add);
        palette.setPadding(false);
        palette.setSpacing(false);
        return palette;
    }

    // ---- state -------------------------------------------------------------------------------

    /** Called after each check of the draft (typed or edited): the tree, the properties and the preview follow. */
    void refresh(FormStudio.Check checked, String source) {
        check = checked;
        sourceName = source;
        String draft = text.get();
        outline = FormOutline.read(draft);
        status.setText(check.valid() ? getTranslation("studio.valid") : getTranslation("studio.invalid", check.problems().size()));
        status.setClassName("builder-status-invalid", !check.valid());
        boolean empty = outline.isEmpty() && draft.isBlank();
        start.setVisible(empty);
        body.setVisible(!empty);
        if (outline.isEmpty() && !empty) {
            say(getTranslation("builder.unreadable"));
        }
        List<FormOutline.Node> roots = outline.map(FormOutline::sections).orElse(List.of());
        tree.setItems(roots, FormOutline.Node::children);
        tree.expandRecursively(roots, 3);
        selected.flatMap(id -> outline.flatMap(o -> o.find(id))).ifPresentOrElse(tree::select, () -> {
            selected = Optional.empty();
            tree.deselectAll();
        });
        check.form().ifPresent(form -> session = Optional.of(sampleSession(form)));
        if (check.form().isEmpty()) {
            session = Optional.empty();
        }
        showProperties();
        if (active) {
            showPreview();
        }
    }

    /** The builder tab is shown (true) or left: only a shown builder renders its preview. */
    void setActive(boolean shown) {
        active = shown;
        if (shown) {
            showPreview();
        } else {
            preview.removeAll();
        }
    }

    /** The selected node's properties; with nothing selected, the form's own (retired ids, privacy). */
    private void showProperties() {
        Optional<FormOutline.Node> node = selected.flatMap(id -> outline.flatMap(o -> o.find(id)))
                .or(() -> outline.map(FormOutline::form));
        properties.show(node, node.map(this::problemsOf).orElse(Map.of()));
    }

    /** The engine's problems on a node's own lines (not its children's), by key. */
    private Map<String, List<String>> problemsOf(FormOutline.Node node) {
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        for (FormProblem p : check.problems()) {
            if (!p.at().source().equals(sourceName)) {
                continue;
            }
            outline.flatMap(o -> o.locate(p.at().line())).filter(place -> place.id().equals(node.id()))
                    .ifPresent(place -> byKey.computeIfAbsent(place.key(), k -> new ArrayList<>())
                            .add(p.message() + (p.hint().isEmpty() ? "" : " – " + p.hint())));
        }
        return byKey;
    }

    private FormSession sampleSession(FormDefinition form) {
        Map<String, String> known = new HashMap<>(sample);
        FormSession.unknownPaths(form, known).forEach(known::remove);
        try {
            return known.isEmpty() ? FormSession.start(form, LocalDate.now(clock)) : FormSession.resume(form, known, LocalDate.now(clock));
        } catch (RuntimeException e) {
            // sample answers of the old draft that no longer fit (a changed type): start afresh
            sample.clear();
            return FormSession.start(form, LocalDate.now(clock));
        }
    }

    private void showPreview() {
        preview.removeAll();
        if (session.isEmpty()) {
            preview.add(new Span(getTranslation("studio.preview.invalid")));
            return;
        }
        Set<String> allRoles = Arrays.stream(Role.values()).map(Enum::name).collect(Collectors.toSet());
        FormRenderer.RenderedForm rendered = renderer.render(session.get(), Locale.of(lang()), allRoles);
        rendered.addChangeListener(() -> {
            sample = new HashMap<>(rendered.answers());
            showProperties();
        });
        preview.add(rendered.layout());
    }

    private String lang() {
        return Optional.ofNullable(language.getValue()).orElse("fr");
    }

    // ---- BuilderProperties.Host ------------------------------------------------------------------

    @Override
    public void edit(UnaryOperator<String> change) {
        message.setText("");
        try {
            apply.accept(change.apply(text.get()));
        } catch (YamlEdits.EditException e) {
            say(getTranslation(e.key(), e.args()));
        }
    }

    @Override
    public List<String> scales() {
        return studio.sharedIds(formKey, "scales");
    }

    @Override
    public List<String> lists() {
        return studio.sharedIds(formKey, "lists");
    }

    @Override
    public Optional<FormOutline> outline() {
        return outline;
    }

    @Override
    public Optional<ItemState> sampleState(String id) {
        return session.flatMap(s -> {
            Optional<RepeatItem> repeat = s.form().sections().stream().flatMap(sec -> sec.items().stream())
                    .filter(RepeatItem.class::isInstance).map(RepeatItem.class::cast)
                    .filter(r -> r.items().stream().anyMatch(i -> i.id().equals(id))).findFirst();
            if (repeat.isPresent()) {
                return s.rowCount(repeat.get().id()) > 0 ? Optional.of(s.state(repeat.get().id() + ".1." + id)) : Optional.empty();
            }
            return s.form().item(id).isPresent() ? Optional.of(s.state(id)) : Optional.empty();
        });
    }

    @Override
    public boolean published(String itemId) {
        return studio.live(formKey).flatMap(live -> live.definition().item(itemId)).isPresent();
    }

    @Override
    public void rename(String oldId, String newId) {
        if (!newId.matches(ID_PATTERN)) {
            say(getTranslation("builder.palette.bad-id", newId));
            return;
        }
        if (outline.flatMap(o -> o.find(newId)).isPresent()) {
            say(getTranslation("builder.palette.taken", newId));
            return;
        }
        boolean keepHistory = published(oldId);
        selected = Optional.of(newId);
        edit(t -> YamlEdits.renameItem(t, oldId, newId, keepHistory));
        if (!message.getText().isEmpty()) {
            selected = Optional.of(oldId);
            showProperties();
        }
    }

    @Override
    public Optional<Boolean> sectionVisible(String id) {
        return session.filter(s -> s.form().sections().stream().anyMatch(sec -> sec.id().equals(id)))
                .map(s -> s.sectionVisible(id));
    }

    // ---- actions -------------------------------------------------------------------------------

    private Optional<FormOutline.Node> node() {
        return selected.flatMap(id -> outline.flatMap(o -> o.find(id)));
    }

    private List<FormOutline.Node> siblings(FormOutline.Node node) {
        return node.parentId().isEmpty() ? outline.map(FormOutline::sections).orElse(List.of())
                : outline.flatMap(o -> o.find(node.parentId())).map(FormOutline.Node::children).orElse(List.of());
    }

    private void up() {
        node().ifPresentOrElse(n -> {
            if (n.index() > 0) {
                edit(t -> YamlEdits.moveItem(t, n.id(), -1));
            } else {
                neighbourSection(n, -1).ifPresentOrElse(s -> edit(t -> YamlEdits.moveItemTo(t, n.id(), s.id(), s.children().size())),
                        () -> say(getTranslation("studio.edit.first", n.id())));
            }
        }, this::chooseFirst);
    }

    private void down() {
        node().ifPresentOrElse(n -> {
            if (n.index() < siblings(n).size() - 1) {
                edit(t -> YamlEdits.moveItem(t, n.id(), 1));
            } else {
                neighbourSection(n, 1).ifPresentOrElse(s -> edit(t -> YamlEdits.moveItemTo(t, n.id(), s.id(), 0)),
                        () -> say(getTranslation("studio.edit.last", n.id())));
            }
        }, this::chooseFirst);
    }

    /** For an item first or last in its section: the section before or after, where up/down takes it. */
    private Optional<FormOutline.Node> neighbourSection(FormOutline.Node n, int delta) {
        Optional<FormOutline.Node> parent = outline.flatMap(o -> o.find(n.parentId()));
        if (n.kind() == FormOutline.Kind.SECTION || parent.isEmpty() || parent.get().kind() != FormOutline.Kind.SECTION) {
            return Optional.empty();
        }
        List<FormOutline.Node> sections = outline.map(FormOutline::sections).orElse(List.of());
        int at = parent.get().index() + delta;
        return at >= 0 && at < sections.size() ? Optional.of(sections.get(at)) : Optional.empty();
    }

    /** Into the repeat just above the item, as its last child. */
    private void in() {
        node().ifPresentOrElse(n -> {
            List<FormOutline.Node> siblings = siblings(n);
            Optional<FormOutline.Node> above = n.index() > 0 ? Optional.of(siblings.get(n.index() - 1)) : Optional.empty();
            above.filter(a -> a.type().equals("repeat")).filter(a -> n.kind() == FormOutline.Kind.ITEM)
                    .ifPresentOrElse(a -> edit(t -> YamlEdits.moveItemTo(t, n.id(), a.id(), a.children().size())),
                            () -> say(getTranslation("builder.move.in.none", n.id())));
        }, this::chooseFirst);
    }

    /** Out of its repeat, just below the repeat. */
    private void out() {
        node().ifPresentOrElse(n -> outline.flatMap(o -> o.find(n.parentId())).filter(p -> p.type().equals("repeat"))
                .ifPresentOrElse(r -> edit(t -> YamlEdits.moveItemTo(t, n.id(), r.parentId(), r.index() + 1)),
                        () -> say(getTranslation("builder.move.out.none", n.id()))), this::chooseFirst);
    }

    /**
     * A row dropped on the tree: on a section or repeat it goes in as the last child; above or
     * below an item it takes that place among the item's siblings. Sections only reorder.
     */
    void drop(String draggedId, String targetId, GridDropLocation location) {
        Optional<FormOutline.Node> from = outline.flatMap(o -> o.find(draggedId));
        Optional<FormOutline.Node> to = outline.flatMap(o -> o.find(targetId));
        if (from.isEmpty() || to.isEmpty() || draggedId.equals(targetId)) {
            return;
        }
        FormOutline.Node d = from.get();
        FormOutline.Node t = to.get();
        selected = Optional.of(d.id());
        if (d.kind() == FormOutline.Kind.SECTION) {
            if (t.kind() == FormOutline.Kind.SECTION) {
                int steps = t.index() - d.index();
                edit(text -> {
                    String moved = text;
                    for (int i = 0; i < Math.abs(steps); i++) {
                        moved = YamlEdits.moveItem(moved, d.id(), Integer.signum(steps));
                    }
                    return moved;
                });
            }
            return;
        }
        if (t.container() && (location == GridDropLocation.ON_TOP || t.kind() == FormOutline.Kind.SECTION)) {
            int end = t.children().size() - (d.parentId().equals(t.id()) ? 1 : 0);
            edit(text -> YamlEdits.moveItemTo(text, d.id(), t.id(), end));
            return;
        }
        int index = t.index() + (location == GridDropLocation.ABOVE ? 0 : 1);
        if (d.parentId().equals(t.parentId()) && d.index() < index) {
            index--;
        }
        int at = index;
        edit(text -> YamlEdits.moveItemTo(text, d.id(), t.parentId(), at));
    }

    private void duplicate() {
        node().filter(n -> n.kind() == FormOutline.Kind.ITEM).ifPresentOrElse(n -> {
            String copy = YamlEdits.duplicateId(text.get(), n.id());
            selected = Optional.of(copy);
            edit(t -> YamlEdits.duplicateItem(t, n.id()));
        }, this::chooseFirst);
    }

    private void confirmDelete() {
        node().ifPresentOrElse(n -> {
            int stored = n.withDescendantIds().stream().mapToInt(id -> studio.storedAnswers(formKey, id)).max().orElse(0);
            Dialog dialog = new Dialog();
            dialog.setId("builder-delete-dialog");
            dialog.setHeaderTitle(getTranslation("builder.delete.title", n.id()));
            Span what = new Span(stored > 0 ? getTranslation("builder.delete.stored", stored) : getTranslation("builder.delete.none"));
            what.setId("builder-delete-count");
            dialog.add(what);
            Button yes = new Button(getTranslation("builder.delete"), e -> {
                dialog.close();
                selected = Optional.empty();
                edit(t -> YamlEdits.deleteItem(t, n.id()));
            });
            yes.setId("builder-delete-confirm");
            yes.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.PRIMARY);
            Button no = new Button(getTranslation("builder.cancel"), e -> dialog.close());
            no.setId("builder-delete-cancel");
            dialog.getFooter().add(no, yes);
            dialog.open();
        }, this::chooseFirst);
    }

    private void addFromPalette() {
        String type = paletteType.getValue();
        String id = newId.getValue().strip();
        List<String> labels = newLabels.stream().map(f -> f.getValue().strip()).toList();
        if (type == null || !id.matches(ID_PATTERN)) {
            say(getTranslation("builder.palette.bad-id", id));
            return;
        }
        if (outline.flatMap(o -> o.find(id)).isPresent()) {
            say(getTranslation("builder.palette.taken", id));
            return;
        }
        if (labels.stream().anyMatch(String::isEmpty)) {
            say(getTranslation("builder.palette.fill-all"));
            return;
        }
        Optional<FormOutline.Node> at = node();
        if (type.equals("section")) {
            int index = at.map(n -> sectionOf(n).index() + 1).orElse(outline.map(o -> o.sections().size()).orElse(0));
            selected = Optional.of(id);
            edit(t -> YamlEdits.insertSection(t, index, id, labels.get(0), labels.get(1), labels.get(2)));
        } else {
            Optional<FormOutline.Node> container = at.filter(FormOutline.Node::container)
                    .or(() -> at.flatMap(n -> outline.flatMap(o -> o.find(n.parentId()))))
                    .or(() -> outline.flatMap(o -> o.sections().isEmpty() ? Optional.empty() : Optional.of(o.sections().getLast())));
            if (container.isEmpty()) {
                say(getTranslation("builder.palette.no-section"));
                return;
            }
            int index = at.filter(n -> !n.container()).map(n -> n.index() + 1).orElse(container.get().children().size());
            List<String> lines = YamlEdits.newItem(type, id, labels.get(0), labels.get(1), labels.get(2),
                    scales().stream().findFirst());
            selected = Optional.of(id);
            edit(t -> YamlEdits.insertItem(t, container.get().id(), index, lines));
        }
        newId.clear();
        newLabels.forEach(TextField::clear);
    }

    private FormOutline.Node sectionOf(FormOutline.Node n) {
        FormOutline.Node current = n;
        while (!current.parentId().isEmpty()) {
            String parentId = current.parentId();
            Optional<FormOutline.Node> parent = outline.flatMap(o -> o.find(parentId));
            if (parent.isEmpty()) {
                break;
            }
            current = parent.get();
        }
        return current;
    }

    private void chooseFirst() {
        say(getTranslation("builder.choose-first"));
    }

    private void say(String text) {
        message.setText(text);
    }

    /** The selected node's id, for tests and the studio. */
    Optional<String> selectedId() {
        return selected;
    }

    void select(String id) {
        selected = Optional.of(id);
        outline.flatMap(o -> o.find(id)).ifPresent(tree::select);
        showProperties();
    }
}
