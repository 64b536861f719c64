package org.parcours.studio.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;

import jakarta.annotation.security.RolesAllowed;

import org.parcours.catalog.PublishedForm;
import org.parcours.catalog.StaleFileException;
import org.parcours.catalog.VersionInfo;
import org.parcours.formdef.ChoiceItem;
import org.parcours.formdef.FormDefinition;
import org.parcours.formdef.FormDefinitionException;
import org.parcours.formdef.FormProblem;
import org.parcours.formdef.LocalizedText;
import org.parcours.formdef.ScaleItem;
import org.parcours.formrun.FormSession;
import org.parcours.security.Role;
import org.parcours.studio.FormDiff;
import org.parcours.studio.FormStudio;
import org.parcours.studio.YamlEdits;
import org.parcours.ui.editor.YamlEditor;
import org.parcours.ui.renderer.FormRenderer;

/**
 * The form studio for one form file: the YAML text checked by the engine as the administrator
 * types, the draft rendered by the real renderer, its changes against the live version, everyday
 * edits without YAML, publish with a comment and rollback to an earlier version's text.
 *
 * <p>The editor is CodeMirror ({@link YamlEditor}): the engine's problems appear as markers at
 * their line and column, the schema's keys are completed (docs/decisions/0015).
 */
@Route("admin/forms/:formKey([a-z][a-z0-9_-]{0,79})")
@RolesAllowed(Role.ADMIN_NAME)
public class StudioView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String FORM_KEY = "formKey";

    private static final StudioParts.Ids IDS =
            new StudioParts.Ids("studio-editor", "studio-status", "studio-problems", "publish-comment", "publish-confirm", "publish",
                    "studio-versions", "load-version-");

    private final FormStudio studio;
    private final FormRenderer renderer;
    private final Clock clock;

    private String formKey;
    private FormStudio.Draft draft;
    private Optional<FormDefinition> checked = Optional.empty();
    private Map<FormDiff.Change, Integer> affected = Map.of();

    private final YamlEditor editor = new YamlEditor();
    private final Span status = new Span();
    private final VerticalLayout problems = new VerticalLayout();
    private final VerticalLayout changes = new VerticalLayout();
    private final Div preview = new Div();
    private final Select<String> language = new Select<>();
    private final Select<String> factorSection = new Select<>();
    private final Select<String> factorScale = new Select<>();
    private final Select<String> optionItem = new Select<>();
    private final Select<String> orderSection = new Select<>();
    private final VerticalLayout orderItems = new VerticalLayout();
    private final Select<String> labelItem = new Select<>();
    private final TextField labelFr = new TextField();
    private final TextField labelNl = new TextField();
    private final TextField labelEn = new TextField();
    private final TextField comment = new TextField();
    private final Checkbox confirm = new Checkbox();
    private final Span message = new Span();
    private final Grid<VersionInfo> versions = new Grid<>();
    /*
     * The switch between the YAML editor and the builder: two toggle buttons (aria-pressed) in a
     * labelled group. axe reported Vaadin's Tabs (aria-required-children): in their shadow tree a
     * focusable scroller (tabindex=-1) stands between the tablist and its tabs.
     */
    private final Div modes = new Div();
    private final Button yamlTab = new Button();
    private final Button builderTab = new Button();
    private final VerticalLayout yamlMode = new VerticalLayout();
    private FormBuilder builder;

    public StudioView(FormStudio studio, FormRenderer renderer, Clock clock) {
        this.studio = studio;
        this.renderer = renderer;
        this.clock = clock;
        setWidthFull();
    }

    public static RouteParameters parameters(String formKey) {
        return new RouteParameters(FORM_KEY, formKey);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        formKey = event.getRouteParameters().get(FORM_KEY).orElseThrow();
        removeAll();
        draft = studio.open(formKey);
        build();
        editor.setValue(draft.text());
        recheck();
    }

    private void build() {
        H2 title = new H2(getTranslation("studio.title", draft.sourceName()));
        HorizontalLayout editing = StudioParts.editingRow(this, IDS, editor, "70vh", status, problems, this::recheck);

        changes.setId("studio-diff");
        changes.setPadding(false);
        changes.setSpacing(false);

        language.setId("studio-language");
        language.setLabel(getTranslation("studio.preview.language"));
        language.setItems(LocalizedText.LANGUAGES);
        language.setItemLabelGenerator(l -> Locale.of(l).getDisplayLanguage(getLocale()));
        language.setValue(LocalizedText.LANGUAGES.contains(getLocale().getLanguage()) ? getLocale().getLanguage() : "fr");
        language.addValueChangeListener(e -> showPreview());
        preview.setId("studio-preview");
        preview.setWidthFull();

        message.setId("studio-message");
        message.addClassName("text-error");
        // the YAML editor and the builder edit the same draft: the editor's text (docs/decisions/0023)
        builder = new FormBuilder(studio, formKey, renderer, clock, editor::getValue, text -> {
            editor.setValue(text);
            recheck();
        });
        builder.setVisible(false);
        yamlMode.setPadding(false);
        yamlMode.add(editing, new H3(getTranslation("studio.edits")), factorForm(), optionForm(), labelForm(), orderForm(),
                new H3(getTranslation("studio.preview")), language, preview);
        yamlTab.setText(getTranslation("builder.tab.yaml"));
        yamlTab.setId("studio-tab-yaml");
        yamlTab.addClickListener(e -> selectMode(false));
        builderTab.setText(getTranslation("builder.tab.builder"));
        builderTab.setId("studio-tab-builder");
        builderTab.addClickListener(e -> selectMode(true));
        modes.add(yamlTab, builderTab);
        modes.setId("studio-modes");
        modes.addClassName("studio-modes");
        modes.getElement().setAttribute("role", "group");
        modes.getElement().setAttribute("aria-label", getTranslation("studio.modes"));
        markMode(false);
        add(title, modes, yamlMode, builder, new H3(getTranslation("studio.diff")), changes,
                StudioParts.publishRow(this, IDS, comment, confirm, this::publish), message, new H3(getTranslation("studio.versions")),
                StudioParts.versionsGrid(this, getLocale(), IDS, versions, id -> studio.versionText(formKey, id), editor, comment, this::recheck));
    }

    /** The mode switch's buttons: the mode shown is pressed. */
    private void selectMode(boolean building) {
        if (building == builder.isVisible()) {
            return;
        }
        markMode(building);
        showMode(building);
    }

    private void markMode(boolean building) {
        yamlTab.getElement().setAttribute("aria-pressed", String.valueOf(!building));
        builderTab.getElement().setAttribute("aria-pressed", String.valueOf(building));
        (building ? builderTab : yamlTab).addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        (building ? yamlTab : builderTab).removeThemeVariants(ButtonVariant.LUMO_PRIMARY);
    }

    /** Shows the builder or the YAML editor; only the shown one renders a preview, so element ids stay unique. */
    private void showMode(boolean building) {
        yamlMode.setVisible(!building);
        builder.setVisible(building);
        builder.setActive(building);
        if (building) {
            preview.removeAll();
        } else {
            showPreview();
        }
    }

    private HorizontalLayout factorForm() {
        factorSection.setId("factor-section");
        factorSection.setLabel(getTranslation("studio.factor.section"));
        factorScale.setId("factor-scale");
        factorScale.setLabel(getTranslation("studio.factor.scale"));
        TextField id = field("factor-id", "studio.field.id");
        TextField fr = field("factor-fr", "studio.field.fr");
        TextField nl = field("factor-nl", "studio.field.nl");
        TextField en = field("factor-en", "studio.field.en");
        Button add = new Button(getTranslation("studio.factor.add"), e -> edit(() -> YamlEdits.addScaleItem(editor.getValue(),
                factorSection.getValue(), id.getValue().strip(), factorScale.getValue(), true, fr.getValue(), nl.getValue(), en.getValue()),
                id, fr, nl, en));
        add.setId("factor-add");
        HorizontalLayout row = new HorizontalLayout(factorSection, factorScale, id, fr, nl, en, add);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }

    private HorizontalLayout optionForm() {
        optionItem.setId("option-item");
        optionItem.setLabel(getTranslation("studio.option.item"));
        TextField code = field("option-code", "studio.field.code");
        TextField fr = field("option-fr", "studio.field.fr");
        TextField nl = field("option-nl", "studio.field.nl");
        TextField en = field("option-en", "studio.field.en");
        Button add = new Button(getTranslation("studio.option.add"), e -> edit(() -> YamlEdits.addOption(editor.getValue(),
                optionItem.getValue(), code.getValue().strip(), fr.getValue(), nl.getValue(), en.getValue()), code, fr, nl, en));
        add.setId("option-add");
        HorizontalLayout row = new HorizontalLayout(optionItem, code, fr, nl, en, add);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }

    /** Relabels an item in fr/nl/en; the fields start with the draft's labels. */
    private HorizontalLayout labelForm() {
        labelItem.setId("label-item");
        labelItem.setLabel(getTranslation("studio.labels.item"));
        labelItem.setWidth("16em");
        labelFr.setId("label-fr");
        labelFr.setLabel(getTranslation("studio.field.fr"));
        labelNl.setId("label-nl");
        labelNl.setLabel(getTranslation("studio.field.nl"));
        labelEn.setId("label-en");
        labelEn.setLabel(getTranslation("studio.field.en"));
        labelItem.addValueChangeListener(e -> fillLabels());
        Button apply = new Button(getTranslation("studio.labels.apply"), e -> edit(() -> YamlEdits.setLabels(editor.getValue(),
                labelItem.getValue(), labelFr.getValue(), labelNl.getValue(), labelEn.getValue())));
        apply.setId("label-apply");
        HorizontalLayout row = new HorizontalLayout(labelItem, labelFr, labelNl, labelEn, apply);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }

    private void fillLabels() {
        Optional<org.parcours.formdef.Item> item = checked.flatMap(f -> labelItem.getValue() == null ? Optional.empty()
                : f.item(labelItem.getValue()));
        labelFr.setValue(item.map(i -> i.label().byLanguage().getOrDefault("fr", "")).orElse(""));
        labelNl.setValue(item.map(i -> i.label().byLanguage().getOrDefault("nl", "")).orElse(""));
        labelEn.setValue(item.map(i -> i.label().byLanguage().getOrDefault("en", "")).orElse(""));
    }

    /** The items of one section with buttons to move each up or down (buttons: keyboard reachable). */
    private VerticalLayout orderForm() {
        orderSection.setId("order-section");
        orderSection.setLabel(getTranslation("studio.order.section"));
        orderSection.setWidth("24em");
        orderSection.addValueChangeListener(e -> checked.ifPresent(this::showOrder));
        orderItems.setId("order-items");
        orderItems.setPadding(false);
        orderItems.setSpacing(false);
        VerticalLayout block = new VerticalLayout(orderSection, orderItems);
        block.setPadding(false);
        return block;
    }

    private void showOrder(FormDefinition form) {
        orderItems.removeAll();
        List<org.parcours.formdef.Item> items = form.sections().stream().filter(s -> s.id().equals(orderSection.getValue()))
                .findFirst().map(org.parcours.formdef.Section::items).orElse(List.of());
        for (int i = 0; i < items.size(); i++) {
            org.parcours.formdef.Item item = items.get(i);
            String label = item.label().in(getLocale());
            Button up = moveButton(item.id(), -1, "↑", getTranslation("studio.order.up", label));
            up.setEnabled(i > 0);
            Button down = moveButton(item.id(), 1, "↓", getTranslation("studio.order.down", label));
            down.setEnabled(i < items.size() - 1);
            Span name = new Span(item.id() + " – " + label);
            name.addClassName("studio-order-item");
            HorizontalLayout row = new HorizontalLayout(up, down, name);
            row.setAlignItems(FlexComponent.Alignment.CENTER);
            orderItems.add(row);
        }
    }

    private Button moveButton(String itemId, int delta, String arrow, String accessibleName) {
        String id = (delta < 0 ? "move-up-" : "move-down-") + itemId;
        Button button = new Button(arrow, e -> {
            edit(() -> YamlEdits.moveItem(editor.getValue(), itemId, delta));
            // the rows are rebuilt: keep the keyboard focus on the moved item's button
            orderItems.getChildren().flatMap(row -> row.getChildren()).filter(c -> c.getId().orElse("").equals(id))
                    .findFirst().ifPresent(c -> ((Button) c).focus());
        });
        button.setId(id);
        button.setAriaLabel(accessibleName);
        button.setTooltipText(accessibleName);
        button.addThemeVariants(ButtonVariant.TERTIARY);
        return button;
    }

    private TextField field(String id, String labelKey) {
        TextField field = new TextField(getTranslation(labelKey));
        field.setId(id);
        return field;
    }

    private void edit(java.util.function.Supplier<String> change, TextField... fields) {
        message.setText("");
        try {
            String text = change.get();
            editor.setValue(text);
            recheck();
            for (TextField field : fields) {
                field.clear();
            }
        } catch (YamlEdits.EditException e) {
            say(getTranslation(e.key(), e.args()), true);
        }
    }



    /** Checks the draft with the engine and refreshes problems, edit choices, diff and preview. */
    private void recheck() {
        FormStudio.Check check = studio.check(formKey, editor.getValue());
        checked = check.form();
        problems.removeAll();
        editor.setProblems(StudioParts.editorProblems(check.problems(), draft.sourceName()));
        if (check.valid()) {
            status.setText(getTranslation("studio.valid"));
            status.getClassNames().set("text-error", false);
            status.addClassName("text-success");
        } else {
            status.setText(getTranslation("studio.invalid", check.problems().size()));
            status.getClassNames().set("text-success", false);
            status.addClassName("text-error");
            for (FormProblem problem : check.problems()) {
                problems.add(StudioParts.problemLine(problem, draft.sourceName(), editor));
            }
        }
        checked.ifPresent(this::fillEditChoices);
        showDiff();
        if (!builder.isVisible()) {
            showPreview();
        }
        builder.refresh(check, draft.sourceName());
        versions.setItems(studio.history(formKey));
    }

    private void fillEditChoices(FormDefinition form) {
        String section = factorSection.getValue();
        factorSection.setItems(form.sections().stream().map(org.parcours.formdef.Section::id).toList());
        factorSection.setItemLabelGenerator(id -> form.sections().stream().filter(s -> s.id().equals(id)).findFirst()
                .map(s -> s.title().in(getLocale())).orElse(id));
        factorSection.setValue(section != null && form.sections().stream().anyMatch(s -> s.id().equals(section))
                ? section : form.sections().getFirst().id());
        List<String> scales = form.allItems().filter(ScaleItem.class::isInstance).map(i -> ((ScaleItem) i).scale().id())
                .distinct().toList();
        String scale = factorScale.getValue();
        factorScale.setItems(scales);
        factorScale.setValue(scale != null && scales.contains(scale) ? scale : scales.isEmpty() ? null : scales.getFirst());
        String ordered = orderSection.getValue();
        orderSection.setItems(form.sections().stream().map(org.parcours.formdef.Section::id).toList());
        orderSection.setItemLabelGenerator(factorSection.getItemLabelGenerator());
        orderSection.setValue(ordered != null && form.sections().stream().anyMatch(s -> s.id().equals(ordered))
                ? ordered : form.sections().getFirst().id());
        showOrder(form);
        String relabelled = labelItem.getValue();
        List<String> allItems = form.allItems().map(i -> i.id()).toList();
        labelItem.setItems(allItems);
        labelItem.setValue(relabelled != null && allItems.contains(relabelled) ? relabelled : null);
        fillLabels();
        String item = optionItem.getValue();
        List<String> choices = form.allItems().filter(ChoiceItem.class::isInstance).map(i -> i.id()).toList();
        optionItem.setItems(choices);
        optionItem.setValue(item != null && choices.contains(item) ? item : choices.isEmpty() ? null : choices.getFirst());
    }

    private void showDiff() {
        changes.removeAll();
        affected = Map.of();
        confirm.setVisible(false);
        confirm.setValue(false);
        if (checked.isEmpty()) {
            changes.add(new Span(getTranslation("studio.diff.invalid")));
            return;
        }
        List<FormDiff.Change> diff = studio.diff(formKey, checked.get());
        if (diff.isEmpty()) {
            changes.add(new Span(getTranslation("studio.diff.none")));
            return;
        }
        affected = studio.affectedAnswers(formKey, diff);
        for (FormDiff.Change change : diff) {
            Span line = new Span(describe(change));
            line.addClassName("studio-change");
            Integer count = affected.get(change);
            if (count != null && count > 0) {
                line.setText(line.getText() + " – " + getTranslation("studio.diff.affected", count));
                line.addClassName("studio-warning");
                line.addClassName("text-error");
            }
            changes.add(line);
        }
        confirm.setVisible(affected.values().stream().anyMatch(c -> c > 0));
    }

    private String describe(FormDiff.Change change) {
        return ChangeText.describe(this, change);
    }

    private void showPreview() {
        preview.removeAll();
        checked.ifPresentOrElse(form -> {
            FormSession session = FormSession.start(form, LocalDate.now(clock));
            Set<String> allRoles = java.util.Arrays.stream(Role.values()).map(Enum::name).collect(Collectors.toSet());
            preview.add(renderer.render(session, Locale.of(Optional.ofNullable(language.getValue()).orElse("fr")), allRoles).layout());
        }, () -> preview.add(new Span(getTranslation("studio.preview.invalid"))));
    }

    private void publish() {
        message.setText("");
        if (checked.isEmpty()) {
            say(getTranslation("studio.publish.invalid"), true);
            return;
        }
        if (comment.getValue().isBlank()) {
            say(getTranslation("studio.publish.no-comment"), true);
            return;
        }
        if (confirm.isVisible() && !confirm.getValue()) {
            say(getTranslation("studio.publish.confirm-first"), true);
            return;
        }
        try {
            PublishedForm live = studio.publish(draft, editor.getValue(), comment.getValue());
            draft = studio.open(formKey);
            comment.clear();
            recheck();
            Notification.show(getTranslation("studio.published", live.versionNumber()));
            say(getTranslation("studio.published", live.versionNumber()), false);
        } catch (StaleFileException e) {
            say(getTranslation("studio.publish.stale", draft.sourceName()), true);
        } catch (FormDefinitionException e) {
            say(getTranslation("studio.publish.invalid"), true);
        }
    }

    private void say(String text, boolean error) {
        message.getClassNames().set("text-error", error);
        message.getClassNames().set("text-success", !error);
        message.setText(text);
    }

    /** The editor holding the draft, which the builder edits too. */
    YamlEditor editor() {
        return editor;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("studio.title", formKey == null ? "" : formKey) + " – " + getTranslation("app.name");
    }
}
