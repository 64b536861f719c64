package org.parcours.studio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.dnd.GridDropLocation;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

import org.junit.jupiter.api.Test;
import org.parcours.ParcoursApplication;
import org.parcours.catalog.FormCatalog;
import org.parcours.catalog.PublishedForm;
import org.parcours.clients.ClientSummary;
import org.parcours.evaluations.EvaluationService;
import org.parcours.formdef.Item;
import org.parcours.formdef.RepeatItem;
import org.parcours.studio.FormOutline;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestForms;
import org.parcours.testsupport.TestUsers;
import org.parcours.ui.editor.YamlEditor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The studio's visual builder without a browser, on a copy of forms/: a form built from an empty
 * file without typing YAML, previewed with sample answers, published and started by a worker;
 * items moved by the keyboard and by a drop into a repeat; problems shown at their property;
 * a delete tells how many stored answers it concerns. The YAML tab always shows the same draft.
 */
@SpringBootTest
@ViewPackages(classes = ParcoursApplication.class)
@WithUserDetails(TestUsers.ADMIN)
class FormBuilderTests extends SpringBrowserlessTest {

    static final Path FORMS = TestForms.copyOf(Path.of("forms"), "parcours-builder-");

    @DynamicPropertySource
    static void formsFolder(DynamicPropertyRegistry registry) {
        registry.add("parcours.forms.dir", FORMS::toString);
    }

    @Autowired
    FormCatalog catalog;

    @Autowired
    EvaluationService evaluations;

    @Autowired
    TestData data;

    @Autowired
    org.parcours.studio.FormStudio studio;

    @Test
    void anAdminBuildsANewFormFromAnEmptyFileWithTheBuilderOnlyPreviewsItPublishesItAndAWorkerCanStartIt() throws IOException {
        Files.writeString(FORMS.resolve("trial.yaml"), "");
        navigate(StudioView.class, Map.of(StudioView.FORM_KEY, "trial"));
        openBuilder();

        fill("builder-start-fr", "Essai");
        fill("builder-start-nl", "Proef");
        fill("builder-start-en", "Trial");
        click("builder-start-button");

        add("section", "situation", "Situation", "Situatie", "Situation");
        add("scale", "stability", "Stabilité", "Stabiliteit", "Stability");
        @SuppressWarnings("unchecked")
        Select<String> scaleChoice = find(Select.class).id("prop-scale");
        test(scaleChoice).selectItem("imasp-abc");
        add("text", "details", "Précisions", "Details", "Details");
        assertThat(tree().sections()).extracting(FormOutline.Node::id).containsExactly("situation");
        assertThat(tree().find("situation").orElseThrow().children()).extracting(FormOutline.Node::id).containsExactly("stability", "details");
        assertThat(find(Span.class).id("builder-status").getText()).isEqualTo("Le brouillon est valide");

        // the text item is selected after adding it: shown only when the scale says C
        assertThat(builder().selectedId()).contains("details");
        fill("prop-visible-when", "stability == 'C'");
        assertThat(find(Span.class).id("prop-evaluates-visible-when").getText()).isEqualTo("Avec les réponses d'essai : caché");
        assertThat(find(TextField.class).withId("item-details").exists()).as("hidden in the preview").isFalse();

        // a sample answer in the real renderer's preview: the item shows, the evaluation follows
        @SuppressWarnings("unchecked")
        RadioButtonGroup<String> scale = find(RadioButtonGroup.class).id("item-stability");
        test(scale).selectItem("C");
        assertThat(find(TextField.class).withId("item-details").exists()).as("shown in the preview").isTrue();
        assertThat(find(Span.class).id("prop-evaluates-visible-when").getText()).isEqualTo("Avec les réponses d'essai : affiché");
        find(Select.class).id("builder-language").setValue("nl");
        assertThat(find(TextField.class).id("item-details").getLabel()).isEqualTo("Details");
        assertThat(find(TextField.class).withId("item-details").exists()).as("sample answers kept across languages").isTrue();

        // the YAML tab shows the very same draft, starting with the template's comments
        String draft = editor().getValue();
        openYaml();
        assertThat(editor().getValue()).isEqualTo(draft);
        assertThat(draft).startsWith("# Essai – made with the studio's builder.\n# Item ids are stable")
                .contains("        visible-when: \"stability == 'C'\"");

        fill("publish-comment", "Nouveau formulaire");
        click("publish");

        PublishedForm live = catalog.current("trial");
        assertThat(live.definition().item("details").orElseThrow().rules().visibleWhen()).isPresent();
        assertThat(Files.readString(FORMS.resolve("trial.yaml"))).isEqualTo(draft);
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "BuilderTrial");
        var blank = data.as(TestUsers.WORKER_NORTH, "WORKER", () -> evaluations.blank(client.id(), "trial"));
        assertThat(blank.form().definition().allItems().map(Item::id)).containsExactly("stability", "details");
    }

    @Test
    void aRicherFormIsBuiltWithOptionsAConstraintARepeatAndAComputedTotalAndItsFileIsAsExpected() throws IOException {
        Files.writeString(FORMS.resolve("household.yaml"), "");
        navigate(StudioView.class, Map.of(StudioView.FORM_KEY, "household"));
        openBuilder();
        fill("builder-start-fr", "Ménage");
        fill("builder-start-nl", "Gezin");
        fill("builder-start-en", "Household");
        click("builder-start-button");

        add("section", "contact", "Contact", "Contact", "Contact");
        add("choice", "channel", "Canal", "Kanaal", "Channel");
        fill("prop-option-0-code", "phone");
        fill("prop-option-0-fr", "Téléphone");
        fill("prop-option-0-nl", "Telefoon");
        fill("prop-option-0-en", "Phone");
        click("prop-option-add");
        fill("prop-option-1-code", "visit");
        fill("prop-option-1-fr", "Visite");
        fill("prop-option-1-nl", "Bezoek");
        fill("prop-option-1-en", "Visit");
        add("date", "seen_on", "Vu le", "Gezien op", "Seen on");
        click("prop-constraint-add");
        fill("prop-constraint-0-expression", "seen_on >= timestamp('2020-01-01T00:00:00Z')");
        fill("prop-constraint-0-fr", "Depuis 2020");
        fill("prop-constraint-0-nl", "Sinds 2020");
        fill("prop-constraint-0-en", "Since 2020");
        fill("prop-visible-when", "channel == 'visit'");

        add("section", "members", "Membres", "Leden", "Members");
        add("repeat", "people", "Personnes", "Personen", "People");
        add("text", "name", "Nom", "Naam", "Name");
        add("integer", "age", "Âge", "Leeftijd", "Age");
        builder().select("members");
        add("computed", "total", "Nombre de personnes", "Aantal personen", "Number of people");
        fill("prop-expression", "size(people)");
        assertThat(find(Span.class).id("builder-status").getText()).isEqualTo("Le brouillon est valide");
        assertThat(find(Span.class).id("prop-evaluates-expression").getText()).isEqualTo("Avec les réponses d'essai : 0");

        fill("publish-comment", "Formulaire du ménage");
        click("publish");
        assertThat(catalog.current("household").definition().allItems().map(Item::id))
                .containsExactly("channel", "seen_on", "people", "name", "age", "total");
        assertThat(((RepeatItem) catalog.current("household").definition().item("people").orElseThrow()).items())
                .extracting(Item::id).containsExactly("name", "age");
        assertThat(Files.readString(FORMS.resolve("household.yaml"))).isEqualTo("""
                # Ménage – made with the studio's builder.
                # Item ids are stable: answers are stored under them. Change labels freely; never reuse an id.
                form: household
                title: { fr: "Ménage", nl: "Gezin", en: "Household" }
                sections:
                  - id: contact
                    title: { fr: "Contact", nl: "Contact", en: "Contact" }
                    items:
                      - id: channel
                        type: choice
                        label: { fr: "Canal", nl: "Kanaal", en: "Channel" }
                        options:
                          - code: phone
                            label: { fr: "Téléphone", nl: "Telefoon", en: "Phone" }
                          - code: visit
                            label: { fr: "Visite", nl: "Bezoek", en: "Visit" }
                      - id: seen_on
                        type: date
                        label: { fr: "Vu le", nl: "Gezien op", en: "Seen on" }
                        constraints:
                          - expression: "seen_on >= timestamp('2020-01-01T00:00:00Z')"
                            message: { fr: "Depuis 2020", nl: "Sinds 2020", en: "Since 2020" }
                        visible-when: "channel == 'visit'"
                  - id: members
                    title: { fr: "Membres", nl: "Leden", en: "Members" }
                    items:
                      - id: people
                        type: repeat
                        label: { fr: "Personnes", nl: "Personen", en: "People" }
                        items:
                          - id: name
                            type: text
                            label: { fr: "Nom", nl: "Naam", en: "Name" }
                          - id: age
                            type: integer
                            label: { fr: "Âge", nl: "Leeftijd", en: "Age" }
                      - id: total
                        type: computed
                        expression: "size(people)"
                        label: { fr: "Nombre de personnes", nl: "Aantal personen", en: "Number of people" }
                """);
    }

    @Test
    void itemsMoveIntoARepeatByDropAndByKeyboardAndProblemsShowAtTheirProperty() throws IOException {
        String file = Files.readString(FORMS.resolve("imasp.yaml"));
        navigate(StudioView.class, Map.of(StudioView.FORM_KEY, "imasp"));
        openBuilder();

        builder().select("comment");
        builder().drop("comment", "referrals", GridDropLocation.ON_TOP);
        assertThat(children("referrals")).endsWith("referral_type", "comment");

        click("builder-out");
        assertThat(children("referrals")).doesNotContain("comment");
        assertThat(children("referral")).containsExactly("referrals", "comment");
        click("builder-in");
        assertThat(children("referrals")).endsWith("comment");
        click("builder-out");
        click("builder-up");
        assertThat(children("referral")).containsExactly("comment", "referrals");
        click("builder-up");
        assertThat(children("work_track")).endsWith("comment");
        click("builder-down");
        assertThat(children("referral")).startsWith("comment");
        // the comment lines of the file are all kept through the moves
        assertThat(editor().getValue().lines().filter(l -> l.strip().startsWith("#")).toList())
                .isEqualTo(file.lines().filter(l -> l.strip().startsWith("#")).toList());

        builder().select("illness");
        fill("prop-visible-when", "no_such_item == 'A'");
        assertThat(find(Span.class).id("prop-problem-visible-when").getText()).contains("no_such_item");
        assertThat(find(TextField.class).id("prop-visible-when").isInvalid()).isTrue();
        fill("prop-visible-when", "");
        assertThat(find(Span.class).id("builder-status").getText()).isEqualTo("Le brouillon est valide");
    }

    @Test
    void deletingAnItemTellsHowManyStoredSubmissionsAnswerIt() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "BuilderDelete");
        // other test classes of this JVM may have stored IMASPs in the same database: count from what was there
        int before = studio.storedAnswers("imasp", "hygiene");
        data.as(TestUsers.WORKER_NORTH, "WORKER", () -> evaluations.save(evaluations.blank(client.id(), "imasp"),
                Map.of("hygiene", "B")));
        navigate(StudioView.class, Map.of(StudioView.FORM_KEY, "imasp"));
        openBuilder();
        builder().select("hygiene");
        click("builder-delete");
        // the count is written with the French digit grouping ("1 355")
        assertThat(find(Span.class).id("builder-delete-count").getText().replaceAll("[\\s\\u00a0\\u202f]", ""))
                .startsWith((before + 1) + "envoi(s)enregistré(s)yontuneréponse");
        click("builder-delete-confirm");
        assertThat(tree().find("hygiene")).isEmpty();
        assertThat(find(Span.class).all().stream().map(Span::getText)).anySatisfy(t -> assertThat(t).startsWith("Supprimé : hygiene"));

        builder().select("illness");
        click("builder-duplicate");
        assertThat(children("medical")).startsWith("illness", "illness_copy");
        assertThat(builder().selectedId()).contains("illness_copy");
    }

    @Test
    void aPublishedItemRenamedInTheBuilderKeepsItsAnswersAndThePanelWritesPrivacyAndRetiredIds() throws IOException {
        Files.writeString(FORMS.resolve("visits.yaml"), """
                # Home visits: this comment stays.
                form: visits
                title: { fr: "Visites", nl: "Bezoeken", en: "Visits" }
                sections:
                  - id: visit
                    title: { fr: "Visite", nl: "Bezoek", en: "Visit" }
                    items:
                      - id: place
                        type: text
                        label: { fr: "Lieu", nl: "Plaats", en: "Place" }
                      - id: notes
                        type: text
                        visible-when: "place != ''"
                        label: { fr: "Notes", nl: "Notities", en: "Notes" }
                """);
        navigate(StudioView.class, Map.of(StudioView.FORM_KEY, "visits"));
        fill("publish-comment", "Première version");
        click("publish");
        assertThat(catalog.current("visits").versionNumber()).isEqualTo(1);
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "BuilderRename");
        data.as(TestUsers.WORKER_NORTH, "WORKER", () -> evaluations.save(evaluations.blank(client.id(), "visits"),
                Map.of("place", "Rue Haute")));

        navigate(StudioView.class, Map.of(StudioView.FORM_KEY, "visits"));
        openBuilder();
        builder().select("place");
        assertThat(find(TextField.class).id("prop-id").getHelperText()).startsWith("Des réponses sont enregistrées sous lui");
        fill("prop-id", "address");
        click("prop-rename");
        assertThat(builder().selectedId()).contains("address");
        assertThat(editor().getValue()).contains("""
                      - id: address
                        type: text
                        label: { fr: "Lieu", nl: "Plaats", en: "Place" }
                        was: [place]
                """, "visible-when: \"address != ''\"");
        fill("prop-id", "notes");
        click("prop-rename");
        assertThat(find(Span.class).id("builder-message").getText()).isEqualTo("L'identifiant « notes » est déjà utilisé dans ce formulaire : choisissez-en un autre");

        // the item's privacy: categories, legal basis, retention, each a line of its privacy block
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<String> categories = find(MultiSelectComboBox.class).id("prop-privacy-categories");
        categories.setValue(java.util.Set.of("housing", "contact"));
        selectItem("prop-privacy-legal-basis", "public-task");
        fill("prop-privacy-keep", "P2Y");
        selectItem("prop-privacy-after", "last-submission");
        selectItem("prop-privacy-then", "erase");
        assertThat(editor().getValue()).contains("""
                        was: [place]
                        privacy:
                          categories: [contact, housing]
                          legal-basis: public-task
                          retention: { keep: P2Y, after: last-submission, then: erase }
                """);
        assertThat(find(Span.class).id("builder-status").getText()).isEqualTo("Le brouillon est valide");

        // the form's own properties: a retired id, written at the end of the file
        click("builder-form-properties");
        assertThat(find(Span.class).id("builder-properties-hint").isVisible()).isTrue();
        fill("prop-retired", "Old Id");
        assertThat(find(TextField.class).id("prop-retired").isInvalid()).isTrue();
        fill("prop-retired", "former_question");
        assertThat(editor().getValue()).endsWith("retired: [former_question]\n");

        // the diff calls it a rename, not a removal: no stored answer is left without its question
        assertThat(find(com.vaadin.flow.component.orderedlayout.VerticalLayout.class).id("studio-diff").getChildren()
                .map(c -> c.getElement().getText()).toList())
                .contains("« place » s'appelle désormais « address » (was) : ses réponses enregistrées le suivent")
                .noneMatch(c -> c.startsWith("Supprimé"));
        fill("publish-comment", "Lieu renommé en adresse");
        click("publish");
        PublishedForm live = catalog.current("visits");
        assertThat(live.versionNumber()).as("the rename is not held back: " + find(Span.class).id("studio-message").getText())
                .isEqualTo(2);
        assertThat(live.definition().item("address")).isPresent();
        assertThat(Files.readString(FORMS.resolve("visits.yaml"))).startsWith("# Home visits: this comment stays.\n")
                .isEqualTo(editor().getValue());
    }

    /** Chooses a select's value by its YAML name (the selects show translated labels). */
    @SuppressWarnings("unchecked")
    private void selectItem(String id, String item) {
        ((Select<String>) find(Select.class).id(id)).setValue(item);
    }

    private void openBuilder() {
        click("studio-tab-builder");
        assertThat(find(Button.class).id("studio-tab-builder").getElement().getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(find(Button.class).id("studio-tab-yaml").getElement().getAttribute("aria-pressed")).isEqualTo("false");
    }

    private void openYaml() {
        click("studio-tab-yaml");
        assertThat(find(Button.class).id("studio-tab-yaml").getElement().getAttribute("aria-pressed")).isEqualTo("true");
    }

    private void add(String type, String id, String fr, String nl, String en) {
        find(Select.class).id("builder-type").setValue(type);
        fill("builder-new-id", id);
        fill("builder-new-fr", fr);
        fill("builder-new-nl", nl);
        fill("builder-new-en", en);
        click("builder-add");
        assertThat(find(Span.class).id("builder-message").getText()).isEmpty();
    }

    private java.util.List<String> children(String id) {
        return tree().find(id).orElseThrow().children().stream().map(FormOutline.Node::id).toList();
    }

    private FormOutline tree() {
        return FormOutline.read(editor().getValue()).orElseThrow();
    }

    private FormBuilder builder() {
        return find(FormBuilder.class).single();
    }

    /** The draft text, read from the YAML editor even while the builder tab hides it. */
    private YamlEditor editor() {
        return ((StudioView) getCurrentView()).editor();
    }

    private void fill(String id, String value) {
        test(find(TextField.class).id(id)).setValue(value);
    }

    private void click(String id) {
        test(find(Button.class).id(id)).click();
    }
}
