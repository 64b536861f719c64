package org.parcours.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.parcours.formdef.ChoiceItem;
import org.parcours.formdef.FormDefinition;
import org.parcours.formdef.FormReader;
import org.parcours.formdef.FormSource;
import org.parcours.formdef.Item;
import org.parcours.formdef.RepeatItem;
import org.parcours.formdef.Section;

/**
 * The builder's edits on the YAML text: each changes only the lines of its own key or item, so
 * the rest of the file – comments and layout – stays byte for byte, and the engine reads the result.
 */
class YamlBuilderEditsTests {

    @Test
    void aSequenceOfBuilderEditsOnImaspTouchesOnlyItsOwnLinesAndTheReaderAcceptsTheResult() throws IOException {
        String imasp = Files.readString(Path.of("forms/imasp.yaml"));

        String required = YamlEdits.setKey(imasp, "illness", "required", Optional.of("true"));
        assertOnly(imasp, required, List.of(), List.of("        required: true"));

        String visible = YamlEdits.setExpression(required, "pregnancy", "visible-when", "illness == 'C'");
        assertOnly(required, visible, List.of(), List.of("        visible-when: \"illness == 'C'\""));

        String help = YamlEdits.setTexts(visible, "homeless", "help", "Aide", "Hulp", "Help");
        assertOnly(visible, help, List.of(), List.of("        help: { fr: \"Aide\", nl: \"Hulp\", en: \"Help\" }"));

        String constrained = YamlEdits.setConstraints(help, "coaching_from", List.of(
                new YamlEdits.ConstraintText("coaching_from >= timestamp('2000-01-01T00:00:00Z')", "Après 2000", "Na 2000", "After 2000")));
        assertOnly(help, constrained, List.of(), List.of("        constraints:",
                "          - expression: \"coaching_from >= timestamp('2000-01-01T00:00:00Z')\"",
                "            message: { fr: \"Après 2000\", nl: \"Na 2000\", en: \"After 2000\" }"));

        String inserted = YamlEdits.insertItem(constrained, "other", 1,
                YamlEdits.newItem("yes-no", "has_car", "Voiture", "Auto", "Car", Optional.empty()));
        assertOnly(constrained, inserted, List.of(), List.of("      - id: has_car", "        type: yes-no",
                "        label: { fr: \"Voiture\", nl: \"Auto\", en: \"Car\" }"));

        String moved = YamlEdits.moveItemTo(inserted, "comment", "referrals", 0);
        List<String> commentLines = List.of("          - id: comment", "            type: text", "            multiline: true",
                "            max-length: 2000", "            label: { fr: \"Commentaire\", nl: \"Opmerking\", en: \"Comment\" }");
        assertThat(moved).contains(String.join("\n", commentLines));
        assertThat(without(moved, commentLines)).isEqualTo(without(inserted, commentLines.stream().map(l -> l.substring(4)).toList()));

        String duplicated = YamlEdits.duplicateItem(moved, "addiction");
        assertOnly(moved, duplicated, List.of(), List.of("      - id: addiction_copy", "        type: scale", "        scale: imasp-abc",
                "        prefill: last-evaluation", "        label: { fr: \"Dépendance\", nl: \"Verslaving\", en: \"Addiction\" }"));

        String deleted = YamlEdits.deleteItem(duplicated, "disability");
        assertOnly(duplicated, deleted, List.of("      - id: disability", "        type: scale", "        scale: imasp-abc",
                "        prefill: last-evaluation", "        label: { fr: \"Handicap\", nl: \"Handicap\", en: \"Disability\" }"), List.of());

        String max = YamlEdits.setKey(deleted, "referrals", "max", Optional.of("5"));
        assertOnly(deleted, max, List.of("        max: 10"), List.of("        max: 5"));

        String relabelled = YamlEdits.setTexts(max, "illness", "label", "Maladie", "", "");
        assertOnly(max, relabelled, List.of("        label: { fr: \"Maladie / hospitalisation\", nl: \"Ziekte / hospitalisatie\", en: \"Illness / hospitalisation\" }"),
                List.of("        label: { fr: \"Maladie\", nl: \"Ziekte / hospitalisatie\", en: \"Illness / hospitalisation\" }"));

        String unrequired = YamlEdits.setKey(relabelled, "illness", "required", Optional.empty());
        assertOnly(relabelled, unrequired, List.of("        required: true"), List.of());

        FormDefinition form = readImasp(unrequired);
        assertThat(form.item("pregnancy").orElseThrow().rules().visibleWhen()).isPresent();
        assertThat(form.item("coaching_from").orElseThrow().rules().constraints()).hasSize(1);
        assertThat(form.item("disability")).isEmpty();
        assertThat(form.item("addiction_copy")).isPresent();
        RepeatItem referrals = (RepeatItem) form.item("referrals").orElseThrow();
        assertThat(referrals.items()).extracting(Item::id).startsWith("comment", "referral_priority");
        assertThat(referrals.max()).isEqualTo(5);
        assertThat(section(form, "other").items()).extracting(Item::id).containsExactly("keeping_appointments", "has_car");
        // every comment of the file is still there, in the same order
        assertThat(unrequired.lines().filter(l -> l.strip().startsWith("#")).toList())
                .isEqualTo(imasp.lines().filter(l -> l.strip().startsWith("#")).toList());
    }

    @Test
    void aFormIsBuiltFromNothingWithSectionsItemsAndARepeat() {
        String text = YamlEdits.startForm("trial", "Essai", "Proef", "Trial");
        text = YamlEdits.insertSection(text, 0, "first", "Premier", "Eerste", "First");
        text = YamlEdits.insertItem(text, "first", 0, YamlEdits.newItem("choice", "colour", "Couleur", "Kleur", "Colour", Optional.empty()));
        text = YamlEdits.insertItem(text, "first", 1, YamlEdits.newItem("repeat", "people", "Personnes", "Personen", "People", Optional.empty()));
        text = YamlEdits.insertItem(text, "people", 0, YamlEdits.newItem("text", "name", "Nom", "Naam", "Name", Optional.empty()));
        text = YamlEdits.insertItem(text, "first", 0, YamlEdits.newItem("integer", "count", "Nombre", "Aantal", "Count", Optional.empty()));
        text = YamlEdits.setExpression(text, "name", "visible-when", "colour == 'a'");
        text = YamlEdits.setOptions(text, "colour", List.of(List.of("a", "Rouge", "Rood", "Red"), List.of("b", "Bleu", "Blauw", "Blue")));
        text = YamlEdits.insertSection(text, 1, "second", "Second", "Tweede", "Second");
        text = YamlEdits.moveItemTo(text, "count", "people", 1);
        text = YamlEdits.insertItem(text, "second", 0, YamlEdits.newItem("date", "seen_on", "Vu le", "Gezien op", "Seen on", Optional.empty()));

        FormDefinition form = new FormReader().read(List.of(new FormSource("trial.yaml", text))).forms().get("trial");
        assertThat(form.sections()).extracting(Section::id).containsExactly("first", "second");
        assertThat(section(form, "first").items()).extracting(Item::id).containsExactly("colour", "people");
        assertThat(((RepeatItem) form.item("people").orElseThrow()).items()).extracting(Item::id).containsExactly("name", "count");
        assertThat(((ChoiceItem) form.item("colour").orElseThrow()).options().options()).hasSize(2);
        assertThat(text).startsWith("# Essai – made with the studio's builder.\n");

        // the only item of a repeat moved out leaves an explicit empty list behind
        String emptied = YamlEdits.deleteItem(YamlEdits.deleteItem(text, "name"), "count");
        assertThat(emptied).contains("        items: []");
        assertThat(FormOutline.read(emptied).orElseThrow().find("people").orElseThrow().children()).isEmpty();
    }

    @Test
    void theOutlineShowsTheTreeAsWrittenAndPlacesALineAtItsItemAndKey() throws IOException {
        String imasp = Files.readString(Path.of("forms/imasp.yaml"));
        FormOutline outline = FormOutline.read(imasp).orElseThrow();
        assertThat(outline.sections().getFirst().id()).isEqualTo("medical");
        FormOutline.Node referrals = outline.find("referrals").orElseThrow();
        assertThat(referrals.type()).isEqualTo("repeat");
        assertThat(referrals.value("max")).isEqualTo("10");
        assertThat(referrals.children()).extracting(FormOutline.Node::id).startsWith("referral_priority", "referral_from");
        FormOutline.Node to = outline.find("referral_to").orElseThrow();
        assertThat(to.parentId()).isEqualTo("referrals");
        assertThat(to.constraints()).hasSize(1);
        assertThat(outline.find("referral_type").orElseThrow().options()).hasSize(7);
        int labelLine = imasp.lines().toList().indexOf("        label: { fr: \"Sans-abri\", nl: \"Dakloos\", en: \"Homeless\" }") + 1;
        assertThat(outline.locate(labelLine)).contains(new FormOutline.Place("homeless", "label"));
        assertThat(outline.find("homeless").orElseThrow().text("label", "nl")).isEqualTo("Dakloos");
    }

    @Test
    void anItemCannotMoveIntoItselfAndUnknownTargetsAreRefused() throws IOException {
        String imasp = Files.readString(Path.of("forms/imasp.yaml"));
        assertThatThrownBy(() -> YamlEdits.moveItemTo(imasp, "referrals", "referrals", 0))
                .isInstanceOfSatisfying(YamlEdits.EditException.class, e -> assertThat(e.key()).isEqualTo("studio.edit.into-itself"));
        assertThatThrownBy(() -> YamlEdits.insertItem(imasp, "nowhere", 0, List.of("- id: x")))
                .isInstanceOfSatisfying(YamlEdits.EditException.class, e -> assertThat(e.key()).isEqualTo("studio.edit.no-section"));
        assertThatThrownBy(() -> YamlEdits.setKey(imasp, "illness", "id", Optional.empty()))
                .isInstanceOfSatisfying(YamlEdits.EditException.class, e -> assertThat(e.key()).isEqualTo("studio.edit.first-key"));
    }

    /** Asserts that {@code after} is {@code before} with exactly these lines replaced in one place, all others identical. */
    static void assertOnly(String before, String after, List<String> removed, List<String> added) {
        List<String> a = before.lines().toList();
        List<String> b = after.lines().toList();
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        assertThat(String.join("\n", a.subList(prefix, a.size() - suffix))).as("lines removed").isEqualTo(String.join("\n", removed));
        assertThat(String.join("\n", b.subList(prefix, b.size() - suffix))).as("lines added").isEqualTo(String.join("\n", added));
        assertThat(after.endsWith("\n")).isEqualTo(before.endsWith("\n"));
    }

    private static List<String> without(String text, List<String> block) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        int at = java.util.Collections.indexOfSubList(lines, block);
        assertThat(at).as("block present").isNotNegative();
        lines.subList(at, at + block.size()).clear();
        return lines;
    }

    private static Section section(FormDefinition form, String id) {
        return form.sections().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    static FormDefinition readImasp(String text) throws IOException {
        List<FormSource> sources = new ArrayList<>();
        for (String folder : List.of("lists", "scales")) {
            try (var files = Files.list(Path.of("forms", folder))) {
                for (Path f : files.toList()) {
                    sources.add(new FormSource(folder + "/" + f.getFileName(), Files.readString(f)));
                }
            }
        }
        sources.add(new FormSource("imasp.yaml", text));
        return new FormReader().read(sources).forms().get("imasp");
    }
}
