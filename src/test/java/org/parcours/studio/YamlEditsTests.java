package org.parcours.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.parcours.formdef.FormDefinition;
import org.parcours.formdef.FormReader;
import org.parcours.formdef.FormSource;
import org.parcours.formdef.Item;
import org.parcours.formdef.Policy;

/** The structured edits of the studio on YAML text: only the targeted text changes, comments stay. */
class YamlEditsTests {

    static final String FORM = """
            # a comment at the top
            form: demo
            title: { fr: "Démo", nl: "Demo", en: "Demo" }
            sections:
              - id: first
                title: { fr: "Premier", nl: "Eerste", en: "First" }
                items:
                  - id: alpha
                    type: text
                    label: { fr: "Alpha", nl: "Alfa", en: "Alpha" }
                  # about beta
                  - id: beta
                    type: text
                    label:
                      fr: "Bêta"
                      nl: Beta
                      en: Beta
                  - id: gamma
                    type: text
                    label: { fr: "Gamma", nl: "Gamma", en: "Gamma" }   # keep me
              # next section
              - id: second
                title: { fr: "Second", nl: "Tweede", en: "Second" }
                items:
                  - id: delta
                    type: text
                    label: { fr: "Delta", nl: "Delta", en: "Delta" }
            """;

    @Test
    void movingAnItemSwapsItWithItsNeighbourAndKeepsEveryOtherLine() {
        String down = YamlEdits.moveItem(FORM, "alpha", 1);
        assertThat(ids(down, "first")).containsExactly("beta", "alpha", "gamma");
        String last = YamlEdits.moveItem(down, "alpha", 1);
        assertThat(ids(last, "first")).containsExactly("beta", "gamma", "alpha");
        assertThat(ids(last, "second")).containsExactly("delta");
        assertThat(last).contains("# a comment at the top", "# keep me", "  # next section\n  - id: second");
        assertThat(YamlEdits.moveItem(YamlEdits.moveItem(last, "alpha", -1), "alpha", -1)).isEqualTo(FORM);
    }

    @Test
    void anItemCannotLeaveItsGroup() {
        assertThatThrownBy(() -> YamlEdits.moveItem(FORM, "alpha", -1)).isInstanceOfSatisfying(YamlEdits.EditException.class,
                e -> assertThat(e.key()).isEqualTo("studio.edit.first"));
        assertThatThrownBy(() -> YamlEdits.moveItem(FORM, "delta", 1)).isInstanceOfSatisfying(YamlEdits.EditException.class,
                e -> assertThat(e.key()).isEqualTo("studio.edit.last"));
        assertThatThrownBy(() -> YamlEdits.moveItem(FORM, "nope", 1)).isInstanceOfSatisfying(YamlEdits.EditException.class,
                e -> assertThat(e.key()).isEqualTo("studio.edit.no-item"));
    }

    @Test
    void labelsAreRewrittenInFlowAndBlockStyleAndAMissingLanguageIsAdded() {
        String partial = FORM.replace(", en: \"Gamma\" }", " }").replace("          en: Beta\n", "");
        String text = YamlEdits.setLabels(partial, "gamma", "Gamma « neuf »", "", "New \"gamma\"");
        text = YamlEdits.setLabels(text, "beta", "", "Bèta", "Beta");
        FormDefinition form = read(text);
        assertThat(label(form, "gamma", "fr")).isEqualTo("Gamma « neuf »");
        assertThat(label(form, "gamma", "nl")).isEqualTo("Gamma");
        assertThat(label(form, "gamma", "en")).isEqualTo("New \"gamma\"");
        assertThat(label(form, "beta", "fr")).isEqualTo("Bêta");
        assertThat(label(form, "beta", "nl")).isEqualTo("Bèta");
        assertThat(label(form, "beta", "en")).isEqualTo("Beta");
        assertThat(text).contains("label: { fr: \"Gamma « neuf »\", nl: \"Gamma\", en: \"New \\\"gamma\\\"\" }   # keep me",
                "      label:\n          fr: \"Bêta\"\n          nl: \"Bèta\"\n          en: \"Beta\"\n      - id: gamma");
    }

    @Test
    void aValueIsAddedToTheRealImaspScaleAndAnOptionToARealListAndBothStayValid() throws IOException {
        String scale = Files.readString(Path.of("forms/scales/imasp-abc.yaml"));
        String edited = YamlEdits.addValue(scale, "D", "Obstacle durable", "Blijvende belemmering", "Lasting obstacle",
                Optional.of("red"), true);
        assertThat(edited).startsWith(scale.strip()).endsWith("""
                  - code: D
                    colour: red
                    problem: true
                    label: { fr: "Obstacle durable", nl: "Blijvende belemmering", en: "Lasting obstacle" }
                """.stripTrailing() + "\n");
        var bundle = new FormReader().read(List.of(new FormSource("scales/imasp-abc.yaml", edited)));
        assertThat(bundle.scales().get("imasp-abc").values()).extracting(v -> v.code()).containsExactly("A", "B", "C", "NVT", "?", "D");

        String list = Files.readString(Path.of("forms/lists/priority-levels.yaml"));
        String withOption = YamlEdits.addValue(list, "urgent", "Urgent", "Dringend", "Urgent", Optional.of("red"), true);
        assertThat(withOption).doesNotContain("colour").contains("  - code: urgent\n");
        var lists = new FormReader().read(List.of(new FormSource("lists/priority-levels.yaml", withOption)));
        assertThat(lists.lists().get("priority-levels").options()).extracting(o -> o.code())
                .containsExactly("priority", "additional", "urgent");
        String relabelled = YamlEdits.setValueLabels(withOption, "additional", "Secondaire", "", "");
        assertThat(new FormReader().read(List.of(new FormSource("lists/priority-levels.yaml", relabelled))).lists()
                .get("priority-levels").options().get(1).label().in(Locale.FRENCH)).isEqualTo("Secondaire");
    }

    @Test
    void aPolicyNumberIsChangedInPlaceWithItsComment() throws IOException {
        String policy = Files.readString(Path.of("forms/policy.yaml"));
        String edited = YamlEdits.setPolicyValue(policy, "imasp.social_only_age", "62");
        edited = YamlEdits.setPolicyValue(edited, "imasp.first_evaluation_after", "P2M");
        Policy read = new FormReader().read(List.of(new FormSource("policy.yaml", edited))).policy().orElseThrow();
        assertThat(read.integer("imasp.social_only_age")).isEqualTo(62);
        assertThat(read.period("imasp.first_evaluation_after")).isEqualTo(java.time.Period.ofMonths(2));
        assertThat(edited).contains("    social_only_age: 62                    # DOMAIN §1 R3");
        assertThat(edited.lines().count()).isEqualTo(policy.lines().count());
        assertThatThrownBy(() -> YamlEdits.setPolicyValue(policy, "imasp.nope", "1"))
                .isInstanceOfSatisfying(YamlEdits.EditException.class, e -> assertThat(e.key()).isEqualTo("studio.edit.no-policy-value"));
    }

    @Test
    void theRealImaspFormKeepsValidAfterAMoveAndARelabel() throws IOException {
        String imasp = Files.readString(Path.of("forms/imasp.yaml"));
        String scale = Files.readString(Path.of("forms/scales/imasp-abc.yaml"));
        String edited = YamlEdits.setLabels(YamlEdits.moveItem(imasp, "keeping_appointments", 1), "homeless", "Sans logement", "", "");
        List<FormSource> sources = new java.util.ArrayList<>();
        try (var files = Files.list(Path.of("forms/lists"))) {
            for (Path f : files.toList()) {
                sources.add(new FormSource("lists/" + f.getFileName(), Files.readString(f)));
            }
        }
        sources.add(new FormSource("scales/imasp-abc.yaml", scale));
        sources.add(new FormSource("imasp.yaml", edited));
        FormDefinition form = new FormReader().read(sources).forms().get("imasp");
        assertThat(form.sections().stream().filter(s -> s.id().equals("other")).findFirst().orElseThrow().items())
                .extracting(Item::id).containsExactly("comment", "keeping_appointments");
        assertThat(label(form, "homeless", "fr")).isEqualTo("Sans logement");
        assertThat(edited.lines().count()).isEqualTo(imasp.lines().count());
    }

    private static List<String> ids(String text, String section) {
        return read(text).sections().stream().filter(s -> s.id().equals(section)).findFirst().orElseThrow()
                .items().stream().map(Item::id).toList();
    }

    private static FormDefinition read(String text) {
        return new FormReader().read(List.of(new FormSource("demo.yaml", text))).forms().get("demo");
    }

    private static String label(FormDefinition form, String item, String language) {
        return form.item(item).orElseThrow().label().byLanguage().get(language);
    }
}
