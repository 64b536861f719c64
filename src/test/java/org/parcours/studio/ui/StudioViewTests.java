package org.parcours.studio.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouterLink;

import org.junit.jupiter.api.Test;
import org.parcours.ParcoursApplication;
import org.parcours.admin.ui.FormsView;
import org.parcours.catalog.FormCatalog;
import org.parcours.catalog.FormStatus;
import org.parcours.catalog.PublishedForm;
import org.parcours.catalog.VersionInfo;
import org.parcours.clients.ClientSummary;
import org.parcours.evaluations.EvaluationService;
import org.parcours.home.ui.HomeView;
import org.parcours.studio.FormStudio;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestForms;
import org.parcours.testsupport.TestUsers;
import org.parcours.ui.editor.YamlEditor;
import org.parcours.ui.editor.YamlEditorTester;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The form studio (issue 7) without a browser, on a copy of forms/ so the repository's files are
 * never changed: live checking with line:column, nothing published from a broken draft, the diff,
 * publishing back to the file, the file-on-disk rule, warnings about stored answers, workers refused.
 */
@SpringBootTest
@ViewPackages(classes = ParcoursApplication.class)
@WithUserDetails(TestUsers.ADMIN)
class StudioViewTests extends SpringBrowserlessTest {

    static final Path FORMS = copyOfForms();

    @DynamicPropertySource
    static void formsFolder(DynamicPropertyRegistry registry) {
        registry.add("parcours.forms.dir", FORMS::toString);
    }

    @Autowired
    FormCatalog catalog;

    @Autowired
    FormStudio studio;

    @Autowired
    EvaluationService evaluations;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aBrokenDraftShowsEachProblemWithLineAndColumnAndIsNeverPublished() throws IOException {
        String file = Files.readString(FORMS.resolve("masp-contract.yaml"));
        PublishedForm liveBefore = catalog.current("masp-contract");
        // this form's versions only: the watcher may still be publishing a file another test changed on disk
        long versionsBefore = versionsOf("masp-contract");
        open("masp-contract");

        List<String> lines = List.of(file.split("\n", -1));
        int broken = firstLineContaining(lines, "label:");
        int column = lines.get(broken).indexOf("label:") + 1;
        String draft = file.replaceFirst("label:", "lable:");
        type(draft);

        assertThat(find(Span.class).id("studio-status").getText()).startsWith("2 problème(s)");
        assertThat(problems()).anySatisfy(p -> assertThat(p).startsWith((broken + 1) + ":" + column + " [unknown-key]"));
        assertThat(problems()).anySatisfy(p -> assertThat(p).contains("[missing-key]"));
        assertThat(editor().getProblems()).as("the markers in the editor, at the same line and column")
                .anySatisfy(p -> {
                    assertThat(p.line()).isEqualTo(broken + 1);
                    assertThat(p.column()).isEqualTo(column);
                    assertThat(p.message()).startsWith("[unknown-key]");
                });
        assertThat(editor().getCompletions()).as("the schema's keys are offered").contains("label", "options", "sections", "scale");
        assertThat(previewText()).isEqualTo("L'aperçu montre uniquement un brouillon valide.");

        test(find(TextField.class).id("publish-comment")).setValue("essai");
        test(find(Button.class).id("publish")).click();

        assertThat(find(Span.class).id("studio-message").getText())
                .isEqualTo("Le brouillon a des problèmes : rien n'a été publié, la version en service est inchangée");
        assertThat(Files.readString(FORMS.resolve("masp-contract.yaml"))).isEqualTo(file);
        assertThat(catalog.current("masp-contract").versionId()).isEqualTo(liveBefore.versionId());
        assertThat(versionsOf("masp-contract")).isEqualTo(versionsBefore);
    }

    @Test
    void anAddedFactorAndARelabelledOneAreListedPreviewedAndPublishedToTheFileAndBecomeLive() throws IOException {
        navigate(FormsView.class);
        GridTester<Grid<FormStatus>, FormStatus> forms = test(find(Grid.class).id("form-grid"));
        int row = 0;
        while (!forms.getRow(row).formKey().equals("imasp")) {
            row++;
        }
        assertThat(((RouterLink) forms.getCellComponent(row, 5)).getHref()).isEqualTo("admin/forms/imasp");
        open("imasp");
        PublishedForm before = catalog.current("imasp");
        assertThat(find(VerticalLayout.class).id("studio-diff").getElement().getTextRecursively())
                .isEqualTo("Aucun changement des éléments.");

        test(find(Select.class).id("factor-section")).selectItem("Logement");
        test(find(TextField.class).id("factor-id")).setValue("energy_poverty");
        test(find(TextField.class).id("factor-fr")).setValue("Précarité énergétique");
        test(find(TextField.class).id("factor-nl")).setValue("Energiearmoede");
        test(find(TextField.class).id("factor-en")).setValue("Energy poverty");
        test(find(Button.class).id("factor-add")).click();
        type(editor().getValue().replace("fr: \"Sans-abri\"", "fr: \"Sans-abri / sans logement\""));

        assertThat(find(Span.class).id("studio-status").getText()).isEqualTo("Le brouillon est valide");
        assertThat(changes()).containsExactly(
                "Ajouté : energy_poverty (scale) « Précarité énergétique »",
                "Libellé modifié : homeless [fr] « Sans-abri » → « Sans-abri / sans logement »");
        assertThat(previewLabel("energy_poverty")).isEqualTo("Précarité énergétique");
        assertThat(previewLabel("homeless")).isEqualTo("Sans-abri / sans logement");
        test(find(RadioButtonGroup.class).id("item-energy_poverty")).selectItem("B");
        test(find(Select.class).id("studio-language")).selectItem("néerlandais");
        assertThat(previewLabel("energy_poverty")).isEqualTo("Energiearmoede");
        assertThat(previewLabel("homeless")).isEqualTo("Dakloos");

        test(find(TextField.class).id("publish-comment")).setValue("Nouveau facteur demandé par le comité");
        test(find(Button.class).id("publish")).click();

        PublishedForm live = catalog.current("imasp");
        assertThat(live.versionNumber()).isGreaterThan(before.versionNumber());
        assertThat(live.definition().item("energy_poverty")).isPresent();
        assertThat(find(Span.class).id("studio-message").getText()).isEqualTo("La version " + live.versionNumber() + " est en service");
        String file = Files.readString(FORMS.resolve("imasp.yaml"));
        assertThat(file).startsWith("# IMASP: instrument de mesure").contains("      - id: energy_poverty\n        type: scale\n"
                + "        scale: imasp-abc\n        prefill: last-evaluation\n"
                + "        label: { fr: \"Précarité énergétique\", nl: \"Energiearmoede\", en: \"Energy poverty\" }\n  - id: family");
        VersionInfo newest = catalog.history("imasp").getFirst();
        assertThat(newest.versionId()).isEqualTo(live.versionId());
        assertThat(newest.publishedBy()).contains(TestUsers.ADMIN);
        assertThat(newest.comment()).contains("Nouveau facteur demandé par le comité");
        assertThat(changes()).containsExactly("Aucun changement des éléments.");

        // rollback: the earlier text is republished; identical content makes the old version live again
        GridTester<Grid<VersionInfo>, VersionInfo> versions = test(find(Grid.class).id("studio-versions"));
        int older = 0;
        while (versions.getRow(older).versionNumber() != before.versionNumber()) {
            older++;
        }
        test((Button) versions.getCellComponent(older, 4)).click();
        assertThat(changes()).contains("Supprimé : energy_poverty (scale) « Précarité énergétique »");
        test(find(Button.class).id("publish")).click();
        assertThat(catalog.current("imasp").versionId()).isEqualTo(before.versionId());
        assertThat(Files.readString(FORMS.resolve("imasp.yaml"))).doesNotContain("energy_poverty");
    }

    @Test
    void aFileChangedOnDiskSinceTheDraftWasOpenedWinsAndThePublishIsRefused() throws IOException {
        open("casu");
        Path casu = FORMS.resolve("casu.yaml");
        String onDisk = Files.readString(casu) + "\n# edited on disk by someone else\n";
        Files.writeString(casu, onDisk);
        type(editor().getValue().replace("fr: \"Célibataire\"", "fr: \"Isolé(e)\""));
        test(find(TextField.class).id("publish-comment")).setValue("Libellé");
        test(find(Button.class).id("publish")).click();

        assertThat(find(Span.class).id("studio-message").getText()).startsWith("Le fichier casu.yaml a changé sur le disque");
        assertThat(Files.readString(casu)).isEqualTo(onDisk);
    }

    @Test
    void removingAnOptionStillUsedInStoredAnswersIsCountedAndMustBeConfirmed() throws IOException {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "StudioOption");
        data.as(TestUsers.WORKER_NORTH, "WORKER", () -> evaluations.save(evaluations.blank(client.id(), "casu"),
                Map.of("applicant_family_situation", "single")));
        open("casu");
        String text = editor().getValue();
        String single = "          - code: single\n            label: { fr: \"Célibataire\", nl: \"Alleenstaand\", en: \"Single\" }\n";
        assertThat(text).contains(single);
        type(text.replace(single, ""));

        assertThat(changes()).anySatisfy(c -> assertThat(c)
                .startsWith("Option retirée de applicant_family_situation : single « Célibataire » – concerne 1 évaluation(s) enregistrée(s) avec une telle réponse"));
        test(find(TextField.class).id("publish-comment")).setValue("Option retirée");
        test(find(Button.class).id("publish")).click();
        assertThat(find(Span.class).id("studio-message").getText()).startsWith("Des changements concernent des réponses existantes");
        assertThat(Files.readString(FORMS.resolve("casu.yaml"))).contains(single);
    }

    @Test
    @WithUserDetails(TestUsers.WORKER_NORTH)
    void aWorkerCannotOpenTheStudioNorUseIt() {
        navigate(HomeView.class);
        try {
            navigate("admin/forms/imasp", StudioView.class);
        } catch (RuntimeException | AssertionError refused) {
            // the router refuses; either way the view must not be shown
        }
        assertThat(getCurrentView()).isNotInstanceOf(StudioView.class);
        assertThatThrownBy(() -> studio.open("imasp")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> studio.check("imasp", "form: imasp")).isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE actor = ? AND action = 'ACCESS_DENIED' "
                + "AND target_type = 'form' AND target_id = 'imasp'", Integer.class, TestUsers.WORKER_NORTH)).isGreaterThanOrEqualTo(2);
    }

    private void open(String formKey) {
        navigate(StudioView.class, Map.of(StudioView.FORM_KEY, formKey));
    }

    private YamlEditor editor() {
        return find(YamlEditor.class).id("studio-editor");
    }

    private void type(String text) {
        new YamlEditorTester(editor()).setValue(text);
    }

    private List<String> problems() {
        return find(Span.class).withClassName("studio-problem").all().stream().map(Span::getText).toList();
    }

    private List<String> changes() {
        return find(VerticalLayout.class).id("studio-diff").getChildren().map(c -> c.getElement().getText()).toList();
    }

    private String previewLabel(String itemId) {
        return find(RadioButtonGroup.class).id("item-" + itemId).getLabel();
    }

    private String previewText() {
        return find(Div.class).id("studio-preview").getElement().getTextRecursively();
    }

    private static int firstLineContaining(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError(text + " not found");
    }

    private static Path copyOfForms() {
        return TestForms.copyOf(Path.of("forms"), "parcours-studio-");
    }

    private long versionsOf(String formKey) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM form_version WHERE form_key = ?", Long.class, formKey);
    }
}
