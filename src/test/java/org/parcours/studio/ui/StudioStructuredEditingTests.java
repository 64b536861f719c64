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
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouterLink;

import org.junit.jupiter.api.Test;
import org.parcours.ui.editor.YamlEditor;
import org.parcours.ui.editor.YamlEditorTester;
import org.parcours.ParcoursApplication;
import org.parcours.admin.ui.FormsView;
import org.parcours.catalog.FormCatalog;
import org.parcours.catalog.PublishedForm;
import org.parcours.catalog.StaleFileException;
import org.parcours.catalog.VersionInfo;
import org.parcours.formdef.Item;
import org.parcours.formdef.ScaleItem;
import org.parcours.formdef.ScaleValue;
import org.parcours.studio.FormStudio;
import org.parcours.studio.YamlEdits;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestForms;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The studio's structured edits (issue 7) without a browser, on a copy of forms/: items reordered
 * and relabelled without YAML, a value added to a shared scale, a policy number changed, each
 * checked by the engine, shown in the diff and published to its file; invalid drafts and
 * concurrent publishes never reach the live version.
 */
@SpringBootTest
@ViewPackages(classes = ParcoursApplication.class)
@WithUserDetails(TestUsers.ADMIN)
class StudioStructuredEditingTests extends SpringBrowserlessTest {

    static final Path FORMS = TestForms.copyOf(Path.of("forms"), "parcours-studio-edit-");

    @DynamicPropertySource
    static void formsFolder(DynamicPropertyRegistry registry) {
        registry.add("parcours.forms.dir", FORMS::toString);
    }

    @Autowired
    FormCatalog catalog;

    @Autowired
    FormStudio studio;

    @Autowired
    TestData data;

    @Test
    void itemsAreReorderedAndRelabelledWithoutYamlThenPublished() throws IOException {
        navigate(StudioView.class, Map.of(StudioView.FORM_KEY, "imasp"));
        String file = Files.readString(FORMS.resolve("imasp.yaml"));
        assertThat(orderRows()).startsWith("illness – Maladie / hospitalisation", "pregnancy – Grossesse / accouchement");
        assertThat(find(Button.class).id("move-up-illness").isEnabled()).isFalse();
        assertThat(find(Button.class).id("move-down-illness").getElement().getAttribute("aria-label"))
                .isEqualTo("Descendre « Maladie / hospitalisation »");

        test(find(Button.class).id("move-down-illness")).click();

        assertThat(orderRows()).startsWith("pregnancy – Grossesse / accouchement", "illness – Maladie / hospitalisation");
        assertThat(changes()).containsExactly("Déplacé : pregnancy dans la section medical, place 2 → 1",
                "Déplacé : illness dans la section medical, place 1 → 2");
        List<String> previewOrder = find(RadioButtonGroup.class).all().stream().map(r -> r.getId().orElse("")).limit(2).toList();
        assertThat(previewOrder).containsExactly("item-pregnancy", "item-illness");

        test(find(Select.class).id("label-item")).selectItem("homeless");
        assertThat(find(TextField.class).id("label-fr").getValue()).isEqualTo("Sans-abri");
        test(find(TextField.class).id("label-fr")).setValue("Sans logement");
        test(find(TextField.class).id("label-en")).setValue("Without housing");
        test(find(Button.class).id("label-apply")).click();

        assertThat(changes()).contains("Libellé modifié : homeless [fr] « Sans-abri » → « Sans logement »",
                "Libellé modifié : homeless [en] « Homeless » → « Without housing »");
        assertThat(find(RadioButtonGroup.class).id("item-homeless").getLabel()).isEqualTo("Sans logement");
        // the edits changed only their lines: same number of lines, the comments kept
        String draft = find(YamlEditor.class).id("studio-editor").getValue();
        assertThat(draft.lines().count()).isEqualTo(file.lines().count());
        assertThat(draft).startsWith("# IMASP: instrument de mesure").contains("# ---- MPSA panel around the scores");

        test(find(TextField.class).id("publish-comment")).setValue("Ordre et libellé");
        test(find(Button.class).id("publish")).click();

        PublishedForm live = catalog.current("imasp");
        assertThat(live.definition().sections().getFirst().items()).extracting(Item::id).startsWith("pregnancy", "illness");
        assertThat(live.definition().item("homeless").orElseThrow().label().byLanguage()).containsEntry("fr", "Sans logement")
                .containsEntry("nl", "Dakloos").containsEntry("en", "Without housing");
        assertThat(Files.readString(FORMS.resolve("imasp.yaml"))).isEqualTo(draft);
    }

    @Test
    void aValueAddedToTheSharedScaleIsCheckedDiffedPublishedAndGivesTheFormsANewVersion() throws IOException {
        navigate(FormsView.class);
        GridTester<Grid<FormCatalog.SharedFileStatus>, FormCatalog.SharedFileStatus> files = test(find(Grid.class).id("shared-grid"));
        int row = 0;
        while (!files.getRow(row).name().equals("scales/imasp-abc.yaml")) {
            row++;
        }
        assertThat(files.getCellText(row, 4)).isEqualTo("En service");
        assertThat(((RouterLink) files.getCellComponent(row, 5)).getHref()).isEqualTo("admin/files/scales/imasp-abc");
        PublishedForm before = catalog.current("imasp");

        navigate(SharedFileView.class, Map.of(SharedFileView.FOLDER, "scales", SharedFileView.NAME, "imasp-abc"));
        assertThat(find(Span.class).id("shared-used-by").getText()).startsWith("Utilisé par les formulaires : imasp");
        test(find(TextField.class).id("value-code")).setValue("D");
        test(find(TextField.class).id("value-fr")).setValue("Obstacle durable");
        test(find(Button.class).id("value-add")).click();
        assertThat(find(Span.class).id("shared-message").getText()).isEqualTo("Donnez le code et le libellé dans les trois langues");
        test(find(TextField.class).id("value-nl")).setValue("Blijvende belemmering");
        test(find(TextField.class).id("value-en")).setValue("Lasting obstacle");
        test(find(Select.class).id("value-colour")).selectItem("red");
        test(find(Checkbox.class).id("value-problem")).click();
        test(find(Button.class).id("value-add")).click();

        assertThat(find(Span.class).id("shared-status").getText()).isEqualTo("Le brouillon est valide");
        assertThat(sharedChanges()).contains("imasp – Option ajoutée à illness : D « Obstacle durable »",
                "imasp – Option ajoutée à keeping_appointments : D « Obstacle durable »");
        test(find(TextField.class).id("shared-comment")).setValue("Valeur D demandée par le comité");
        test(find(Button.class).id("shared-publish")).click();

        assertThat(find(Span.class).id("shared-message").getText()).isEqualTo("scales/imasp-abc.yaml est publié");
        assertThat(Files.readString(FORMS.resolve("scales/imasp-abc.yaml"))).contains("  - code: D\n    colour: red\n    problem: true\n");
        PublishedForm live = catalog.current("imasp");
        assertThat(live.versionNumber()).isGreaterThan(before.versionNumber());
        ScaleItem illness = (ScaleItem) live.definition().item("illness").orElseThrow();
        assertThat(illness.scale().values()).extracting(ScaleValue::code).endsWith("?", "D");
        VersionInfo formVersion = catalog.history("imasp").getFirst();
        assertThat(formVersion.publishedBy()).contains(TestUsers.ADMIN);
        assertThat(formVersion.comment()).contains("scales/imasp-abc.yaml: Valeur D demandée par le comité");
        VersionInfo fileVersion = catalog.sharedHistory("scales/imasp-abc.yaml").getFirst();
        assertThat(fileVersion.publishedBy()).contains(TestUsers.ADMIN);
        assertThat(fileVersion.comment()).contains("Valeur D demandée par le comité");
        assertThat(catalog.sharedHistory("scales/imasp-abc.yaml").get(1).publishedBy()).isEmpty();
        assertThat(sharedChanges()).containsExactly("Aucun changement des éléments.");
        // rollback: the version before is loaded into the editor; publishing it would remove D again
        GridTester<Grid<VersionInfo>, VersionInfo> versions = test(find(Grid.class).id("shared-versions"));
        assertThat(versions.getRow(1).publishedBy()).isEmpty();
        test((Button) versions.getCellComponent(1, 4)).click();
        assertThat(find(YamlEditor.class).id("shared-editor").getValue()).doesNotContain("code: D");
        assertThat(sharedChanges()).contains("imasp – Option retirée de illness : D « Obstacle durable »");
    }

    @Test
    void theValuesOfASharedScaleAreEditedInTheirGridWithMinimalEditsAndPublished() throws IOException {
        Path file = FORMS.resolve("scales/budget-level.yaml");
        String onDisk = Files.readString(file);
        PublishedForm before = catalog.current("budget-guidance");
        navigate(SharedFileView.class, Map.of(SharedFileView.FOLDER, "scales", SharedFileView.NAME, "budget-level"));
        assertThat(find(Span.class).id("shared-used-by").getText()).startsWith("Utilisé par les formulaires : budget-guidance");
        assertThat(find(TextField.class).id("value-row-1-code").getValue()).isEqualTo("FRAGILE");
        assertThat(find(TextField.class).id("value-row-1-nl").getValue()).isEqualTo("Kwetsbaar");
        @SuppressWarnings("unchecked")
        Select<String> colour = find(Select.class).id("value-row-1-colour");
        assertThat(colour.getValue()).isEqualTo("amber");
        assertThat(find(Checkbox.class).id("value-row-1-problem").getValue()).isTrue();

        test(find(TextField.class).id("value-row-1-fr")).setValue("Fragile, à suivre");
        test(find(Select.class).id("value-row-3-colour")).selectItem("amber");
        test(find(Checkbox.class).id("value-row-0-problem")).click();
        test(find(Checkbox.class).id("value-row-0-problem")).click();
        test(find(TextField.class).id("value-row-2-code")).setValue("FRAGILE");
        assertThat(find(Span.class).id("shared-message").getText()).isEqualTo("Le code « FRAGILE » existe déjà dans ce fichier");

        String draft = find(YamlEditor.class).id("shared-editor").getValue();
        assertThat(draft).isEqualTo(onDisk
                .replace("label: { fr: \"Fragile\", nl:", "label: { fr: \"Fragile, à suivre\", nl:")
                .replace("  - code: NA\n    colour: neutral", "  - code: NA\n    colour: amber"));
        assertThat(find(Span.class).id("shared-status").getText()).isEqualTo("Le brouillon est valide");

        test(find(Button.class).id("value-row-3-remove")).click();
        assertThat(find(YamlEditor.class).id("shared-editor").getValue()).doesNotContain("code: NA");
        assertThat(sharedChanges()).anySatisfy(c -> assertThat(c).startsWith("budget-guidance – Option retirée de "));
        assertThat(find(TextField.class).withId("value-row-3-code").exists()).isFalse();
        new YamlEditorTester(find(YamlEditor.class).id("shared-editor")).setValue(draft);

        test(find(TextField.class).id("shared-comment")).setValue("Libellé précisé");
        test(find(Button.class).id("shared-publish")).click();
        assertThat(find(Span.class).id("shared-message").getText()).isEqualTo("scales/budget-level.yaml est publié");
        assertThat(Files.readString(file)).isEqualTo(draft);
        assertThat(catalog.current("budget-guidance").versionNumber()).isGreaterThan(before.versionNumber());
    }

    @Test
    void theFormsPageLinksEachProgrammeFileToItsStudio() throws IOException {
        navigate(FormsView.class);
        GridTester<Grid<FormCatalog.SharedFileStatus>, FormCatalog.SharedFileStatus> files = test(find(Grid.class).id("shared-grid"));
        int row = 0;
        while (!files.getRow(row).name().equals("programmes/imasp.yaml")) {
            row++;
        }
        assertThat(((RouterLink) files.getCellComponent(row, 5)).getHref()).isEqualTo("admin/files/programmes/imasp");

        navigate(SharedFileView.class, Map.of(SharedFileView.FOLDER, "programmes", SharedFileView.NAME, "imasp"));
        assertThat(find(YamlEditor.class).id("shared-editor").getValue())
                .isEqualTo(Files.readString(FORMS.resolve("programmes/imasp.yaml")));
    }

    @Test
    void aSharedListChangeThatBreaksAFormIsShownAndNeverPublished() throws IOException {
        Path list = FORMS.resolve("lists/priority-levels.yaml");
        String onDisk = Files.readString(list);
        PublishedForm imasp = catalog.current("imasp");
        navigate(SharedFileView.class, Map.of(SharedFileView.FOLDER, "lists", SharedFileView.NAME, "priority-levels"));
        new YamlEditorTester(find(YamlEditor.class).id("shared-editor")).setValue(onDisk.replace("list: priority-levels", "list: priority-level"));

        assertThat(find(Span.class).id("shared-status").getText()).endsWith("problème(s) : le brouillon ne peut pas être publié");
        assertThat(find(Span.class).withClassName("studio-problem").all()).extracting(Span::getText)
                .anySatisfy(p -> assertThat(p).startsWith("imasp.yaml:").contains("priority-levels"));
        test(find(TextField.class).id("shared-comment")).setValue("renommage");
        test(find(Button.class).id("shared-publish")).click();

        assertThat(find(Span.class).id("shared-message").getText())
                .isEqualTo("Le brouillon a des problèmes : rien n'a été publié, la version en service est inchangée");
        assertThat(Files.readString(list)).isEqualTo(onDisk);
        assertThat(catalog.current("imasp").versionId()).isEqualTo(imasp.versionId());
    }

    @Test
    void aPolicyNumberIsChangedKeepingItsKindAndTakesEffectOnPublish() throws IOException {
        navigate(SharedFileView.class, Map.of(SharedFileView.FOLDER, "policy"));
        test(find(Select.class).id("policy-path")).selectItem("imasp.social_only_age");
        assertThat(find(TextField.class).id("policy-value").getValue()).isEqualTo("60");
        test(find(TextField.class).id("policy-value")).setValue("soixante");
        test(find(Button.class).id("policy-set")).click();
        assertThat(find(Span.class).id("shared-message").getText()).isEqualTo("« soixante » n'est pas un nombre entier : cette valeur est un nombre");
        test(find(TextField.class).id("policy-value")).setValue("62");
        test(find(Button.class).id("policy-set")).click();
        assertThat(find(YamlEditor.class).id("shared-editor").getValue()).contains("    social_only_age: 62                    # DOMAIN");
        assertThat(catalog.policy().integer("imasp.social_only_age")).isEqualTo(60);

        test(find(TextField.class).id("shared-comment")).setValue("Âge relevé");
        test(find(Button.class).id("shared-publish")).click();

        assertThat(catalog.policy().integer("imasp.social_only_age")).isEqualTo(62);
        assertThat(Files.readString(FORMS.resolve("policy.yaml"))).contains("social_only_age: 62 ");
        assertThat(catalog.sharedHistory("policy.yaml").getFirst().comment()).contains("Âge relevé");
    }

    @Test
    void aConcurrentPublishByTwoAdministratorsIsDetectedAndTheSecondIsRefused() throws IOException {
        FormStudio.Draft first = studio.open("support-plan");
        FormStudio.Draft second = studio.open("support-plan");
        assertThat(second.fileHash()).isEqualTo(first.fileHash());
        String firstText = first.text() + "\n# first administrator's change\n";
        String secondText = second.text() + "\n# second administrator's change\n";

        PublishedForm published = studio.publish(first, firstText, "premier");

        assertThatThrownBy(() -> studio.publish(second, secondText, "second"))
                .isInstanceOf(StaleFileException.class)
                .hasMessage("The file support-plan.yaml changed on disk since this draft was opened; reopen the form to start from the file");
        assertThat(Files.readString(FORMS.resolve("support-plan.yaml"))).isEqualTo(firstText);
        assertThat(catalog.current("support-plan").versionId()).isEqualTo(published.versionId());
    }

    @Test
    void anInvalidStructuredEditNeverReachesTheLiveVersion() throws IOException {
        FormStudio.Draft draft = studio.open("crisis-intake");
        PublishedForm live = catalog.current("crisis-intake");
        String itemId = live.definition().allItems().findFirst().orElseThrow().id();
        // a label made empty in French: the engine refuses it, the file and the live version stay
        String broken = YamlEdits.setLabels(draft.text(), itemId, "x", "", "").replace("fr: \"x\"", "fr: [ ]");
        assertThat(studio.check("crisis-intake", broken).valid()).isFalse();
        assertThatThrownBy(() -> studio.publish(draft, broken, "cassé"))
                .isInstanceOf(org.parcours.formdef.FormDefinitionException.class);
        assertThat(Files.readString(FORMS.resolve("crisis-intake.yaml"))).isEqualTo(draft.text());
        assertThat(catalog.current("crisis-intake").versionId()).isEqualTo(live.versionId());
    }

    private List<String> orderRows() {
        return find(Span.class).withClassName("studio-order-item").all().stream().map(Span::getText).toList();
    }

    private List<String> changes() {
        return find(VerticalLayout.class).id("studio-diff").getChildren().map(c -> c.getElement().getText()).toList();
    }

    private List<String> sharedChanges() {
        return find(VerticalLayout.class).id("shared-diff").getChildren().map(c -> c.getElement().getText()).toList();
    }

}
