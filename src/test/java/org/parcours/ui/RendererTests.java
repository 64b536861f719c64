package org.parcours.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parcours.ParcoursApplication;
import org.parcours.formdef.FormDefinition;
import org.parcours.formdef.FormReader;
import org.parcours.formdef.FormSource;
import org.parcours.formrun.FormSession;
import org.parcours.formrun.Issue;
import org.parcours.testsupport.TestUsers;
import org.parcours.ui.renderer.FormRenderer;
import org.parcours.ui.renderer.IssueMessages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;

/** Every item type through the real renderers, without views: components, live rules, stored texts. */
@SpringBootTest
@ViewPackages(classes = ParcoursApplication.class)
@WithUserDetails(TestUsers.WORKER_NORTH)
class RendererTests extends SpringBrowserlessTest {

    private static final String YAML = """
            scale: t-abc
            title: { fr: "Échelle", nl: "Schaal", en: "Scale" }
            values:
              - code: A
                colour: green
                label: { fr: "Bien", nl: "Goed", en: "Good" }
              - code: B
                colour: amber
                problem: true
                label: { fr: "Moyen", nl: "Matig", en: "Fair" }
            ---
            form: t
            title: { fr: "Essai", nl: "Test", en: "Test" }
            sections:
              - id: main
                title: { fr: "Principal", nl: "Hoofdzaak", en: "Main" }
                items:
                  - id: intro
                    type: note
                    text:
                      fr: "**Bienvenue** <script>alert(1)</script> et un [lien](javascript:alert(1)) et [un autre](https://example.org)"
                      nl: "**Welkom** <script>alert(1)</script> [link](javascript:alert(1))"
                      en: "**Welcome** <script>alert(1)</script> [link](javascript:alert(1))"
                  - id: level
                    type: scale
                    scale: t-abc
                    label: { fr: "Niveau", nl: "Niveau", en: "Level" }
                  - id: track
                    type: choice
                    label: { fr: "Parcours", nl: "Traject", en: "Track" }
                    options:
                      - code: social
                        label: { fr: "Social", nl: "Sociaal", en: "Social" }
                      - code: other
                        label: { fr: "Autre", nl: "Ander", en: "Other" }
                  - id: track_detail
                    type: text
                    visible-when: "track == 'other'"
                    required-when: "track == 'other'"
                    label: { fr: "Précisez", nl: "Verduidelijk", en: "Specify" }
                  - id: scheme
                    type: choice
                    label: { fr: "Dispositif", nl: "Regeling", en: "Scheme" }
                    options:
                      - { code: s1, label: { fr: "Un", nl: "Een", en: "One" } }
                      - { code: s2, label: { fr: "Deux", nl: "Twee", en: "Two" } }
                      - { code: s3, label: { fr: "Trois", nl: "Drie", en: "Three" } }
                      - { code: s4, label: { fr: "Quatre", nl: "Vier", en: "Four" } }
                      - { code: s5, label: { fr: "Cinq", nl: "Vijf", en: "Five" } }
                      - { code: s6, label: { fr: "Six", nl: "Zes", en: "Six" } }
                  - id: needs
                    type: multi-choice
                    label: { fr: "Besoins", nl: "Noden", en: "Needs" }
                    options:
                      - { code: food, label: { fr: "Alimentation", nl: "Voeding", en: "Food" } }
                      - { code: housing, label: { fr: "Logement", nl: "Huisvesting", en: "Housing" } }
                      - { code: health, label: { fr: "Santé", nl: "Gezondheid", en: "Health" } }
                  - id: languages
                    type: multi-choice
                    label: { fr: "Langues", nl: "Talen", en: "Languages" }
                    options:
                      - { code: fr, label: { fr: "Français", nl: "Frans", en: "French" } }
                      - { code: nl, label: { fr: "Néerlandais", nl: "Nederlands", en: "Dutch" } }
                      - { code: en, label: { fr: "Anglais", nl: "Engels", en: "English" } }
                      - { code: de, label: { fr: "Allemand", nl: "Duits", en: "German" } }
                      - { code: ar, label: { fr: "Arabe", nl: "Arabisch", en: "Arabic" } }
                      - { code: tr, label: { fr: "Turc", nl: "Turks", en: "Turkish" } }
                      - { code: es, label: { fr: "Espagnol", nl: "Spaans", en: "Spanish" } }
                  - id: children
                    type: integer
                    min: 0
                    max: 10
                    label: { fr: "Enfants", nl: "Kinderen", en: "Children" }
                  - id: ratio
                    type: decimal
                    max: 1
                    label: { fr: "Taux", nl: "Verhouding", en: "Ratio" }
                  - id: salary
                    type: money
                    min: 0
                    label: { fr: "Salaire", nl: "Loon", en: "Salary" }
                  - id: benefits
                    type: money
                    min: 0
                    label: { fr: "Allocations", nl: "Uitkeringen", en: "Benefits" }
                  - id: total
                    type: computed
                    expression: "salary + benefits"
                    label: { fr: "Total", nl: "Totaal", en: "Total" }
                  - id: start
                    type: date
                    min: "2020-01-01"
                    max: today
                    label: { fr: "Début", nl: "Begin", en: "Start" }
                  - id: consent
                    type: yes-no
                    label: { fr: "Accord", nl: "Akkoord", en: "Consent" }
              - id: household
                title: { fr: "Foyer", nl: "Gezin", en: "Household" }
                items:
                  - id: members
                    type: repeat
                    min: 1
                    max: 3
                    label: { fr: "Membres", nl: "Leden", en: "Members" }
                    items:
                      - id: member_name
                        type: text
                        label: { fr: "Nom", nl: "Naam", en: "Name" }
                      - id: member_income
                        type: money
                        label: { fr: "Revenu", nl: "Inkomen", en: "Income" }
            """;

    @Autowired
    FormRenderer renderer;

    FormSession session;
    FormRenderer.RenderedForm rendered;

    @BeforeEach
    void renderTheForm() {
        FormDefinition form = new FormReader().read(List.of(new FormSource("t.yaml", YAML))).forms().get("t");
        session = FormSession.start(form, LocalDate.of(2026, 11, 23));
        rendered = renderer.render(session, Locale.FRENCH, Set.of("WORKER"));
        UI.getCurrent().add(rendered.layout());
    }

    @Test
    void eachItemTypeRendersItsComponent() {
        assertThat(find(RadioButtonGroup.class).id("item-level").getLabel()).isEqualTo("Niveau");
        assertThat(find(RadioButtonGroup.class).id("item-track").getLabel()).isEqualTo("Parcours");
        assertThat(find(ComboBox.class).id("item-scheme").getLabel()).isEqualTo("Dispositif");
        assertThat(find(CheckboxGroup.class).id("item-needs").getLabel()).isEqualTo("Besoins");
        assertThat(find(MultiSelectComboBox.class).id("item-languages").getLabel()).isEqualTo("Langues");
        assertThat(anyComponent(TextField.class, "item-track_detail").getLabel()).isEqualTo("Précisez");
        IntegerField children = find(IntegerField.class).id("item-children");
        assertThat(children.getMin()).isZero();
        assertThat(children.getMax()).isEqualTo(10);
        assertThat(children.getHelperText()).isEqualTo("Entre 0 et 10");
        assertThat(find(BigDecimalField.class).id("item-ratio").getSuffixComponent()).isNull();
        BigDecimalField salary = find(BigDecimalField.class).id("item-salary");
        assertThat(salary.getSuffixComponent().getElement().getText()).isEqualTo("€");
        assertThat(salary.getHelperText()).isEqualTo("Au moins 0 €");
        assertThat(salary.getLocale()).isEqualTo(Locale.FRENCH);
        TextField total = find(TextField.class).id("item-total");
        assertThat(total.isReadOnly()).isTrue();
        assertThat(total.getValue()).isEmpty();
        DatePicker start = find(DatePicker.class).id("item-start");
        assertThat(start.getLocale()).isEqualTo(Locale.FRENCH);
        assertThat(start.getMin()).isEqualTo(LocalDate.of(2020, 1, 1));
        assertThat(start.getMax()).isEqualTo(LocalDate.now());
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Boolean> consent = find(RadioButtonGroup.class).id("item-consent");
        assertThat(consent.getListDataView().getItems().map(consent.getItemLabelGenerator()::apply)).containsExactly("Oui", "Non");
        assertThat(find(Div.class).id("item-intro").getElement().getAttribute("data-item-type")).isEqualTo("note");
        assertThat(find(Div.class).id("item-members").getElement().getAttribute("data-item-type")).isEqualTo("repeat");
        assertThat(find(TextField.class).id("item-members-1-member_name").getLabel()).isEqualTo("Nom");
        assertThat(find(BigDecimalField.class).id("item-members-1-member_income").getLabel()).isEqualTo("Revenu");
    }

    @Test
    void aChoiceShowsTheTextThatDependsOnIt() {
        TextField detail = anyComponent(TextField.class, "item-track_detail");
        assertThat(detail.isVisible()).isFalse();

        test(find(RadioButtonGroup.class).id("item-track")).selectItem("Autre");
        assertThat(detail.isVisible()).isTrue();
        assertThat(detail.isRequiredIndicatorVisible()).isTrue();

        test(find(RadioButtonGroup.class).id("item-track")).selectItem("Social");
        assertThat(detail.isVisible()).isFalse();
        assertThat(session.raw("track")).isEqualTo("social");
    }

    @Test
    void typedAmountsUpdateTheComputedTotal() {
        TextField total = find(TextField.class).id("item-total");
        test(find(BigDecimalField.class).id("item-salary")).setValue(new BigDecimal("1000"));
        assertThat(total.getValue()).as("empty while an amount is missing").isEmpty();

        test(find(BigDecimalField.class).id("item-benefits")).setValue(new BigDecimal("234.5"));
        assertThat(spaces(total.getValue())).isEqualTo("1 234,50");
        assertThat(find(BigDecimalField.class).id("item-benefits").getValue()).isEqualTo(new BigDecimal("234.50"));

        test(find(BigDecimalField.class).id("item-benefits")).setValue(new BigDecimal("0"));
        assertThat(spaces(total.getValue())).isEqualTo("1 000,00");
        assertThat(session.raw("total")).isEqualTo("1000.00");
    }

    @Test
    void rowsAreAddedAndRemovedWithinTheirLimits() {
        Button add = find(Button.class).id("add-row-members");
        assertThat(add.getText()).isEqualTo("Ajouter une ligne");
        assertThat(add.getAriaLabel()).contains("Ajouter la ligne 2 à Membres");
        assertThat(memberNameFields()).isEqualTo(1);
        Button removeFirst = find(Button.class).id("remove-row-members-1");
        assertThat(removeFirst.getText()).isEqualTo("Supprimer");
        assertThat(removeFirst.getAriaLabel()).contains("Supprimer la ligne 1 de Membres");
        assertThat(removeFirst.isEnabled()).as("at the minimum of 1 row").isFalse();

        test(find(TextField.class).id("item-members-1-member_name")).setValue("Alice");
        test(add).click();
        test(find(TextField.class).id("item-members-2-member_name")).setValue("Bruno");
        test(add).click();
        assertThat(memberNameFields()).isEqualTo(3);
        assertThat(session.rowCount("members")).isEqualTo(3);
        assertThat(add.isEnabled()).as("at the maximum of 3 rows").isFalse();
        assertThat(find(Button.class).id("remove-row-members-3").isEnabled()).isTrue();

        test(find(Button.class).id("remove-row-members-1")).click();
        assertThat(memberNameFields()).isEqualTo(2);
        assertThat(session.rowCount("members")).isEqualTo(2);
        assertThat(add.isEnabled()).isTrue();
        assertThat(find(TextField.class).id("item-members-1-member_name").getValue()).isEqualTo("Bruno");
        assertThat(find(TextField.class).withId("item-members-3-member_name").exists()).isFalse();

        test(find(Button.class).id("remove-row-members-2")).click();
        assertThat(memberNameFields()).isEqualTo(1);
        assertThat(find(Button.class).id("remove-row-members-1").isEnabled()).isFalse();
        assertThat(session.answersToStore()).containsEntry("members", "1").containsEntry("members.1.member_name", "Bruno")
                .doesNotContainKey("members.2.member_name");

        // a change in a re-drawn row still reaches the session
        test(find(TextField.class).id("item-members-1-member_name")).setValue("Chloé");
        assertThat(session.raw("members.1.member_name")).isEqualTo("Chloé");
    }

    @Test
    void anOutOfRangeNumberShowsTheTranslatedProblemAtTheField() {
        BigDecimalField ratio = find(BigDecimalField.class).id("item-ratio");
        test(ratio).setValue(new BigDecimal("1.5"));
        assertThat(ratio.isInvalid()).isTrue();
        assertThat(ratio.getErrorMessage()).isEqualTo("La valeur doit être au plus 1");

        test(ratio).setValue(new BigDecimal("0.75"));
        assertThat(ratio.isInvalid()).isFalse();
        assertThat(ratio.getErrorMessage()).isEmpty();

        BigDecimalField salary = find(BigDecimalField.class).id("item-salary");
        test(salary).setValue(new BigDecimal("-5"));
        assertThat(salary.getErrorMessage()).isEqualTo("La valeur doit être au moins 0");
        test(salary).setValue(new BigDecimal("12.345"));
        assertThat(salary.isInvalid()).isTrue();
        assertThat(salary.getErrorMessage()).isEqualTo("Deux décimales au maximum");

        IntegerField children = find(IntegerField.class).id("item-children");
        assertThatThrownBy(() -> test(children).setValue(11)).as("the field itself refuses values above its max")
                .isInstanceOf(IllegalArgumentException.class);
        test(children).setValue(3);
        assertThat(children.isInvalid()).isFalse();
    }

    @Test
    void theSessionHoldsTheStoredTexts() {
        test(find(RadioButtonGroup.class).id("item-level")).selectItem("B");
        test(find(RadioButtonGroup.class).id("item-track")).selectItem("Autre");
        test(find(TextField.class).id("item-track_detail")).setValue("Accompagnement santé");
        test(find(ComboBox.class).id("item-scheme")).selectItem("Six");
        test(find(CheckboxGroup.class).id("item-needs")).selectItem("Santé");
        test(find(CheckboxGroup.class).id("item-needs")).selectItem("Alimentation");
        test(find(MultiSelectComboBox.class).id("item-languages")).selectItem("Néerlandais", "Français");
        test(find(IntegerField.class).id("item-children")).setValue(3);
        test(find(BigDecimalField.class).id("item-ratio")).setValue(new BigDecimal("0.75"));
        test(find(BigDecimalField.class).id("item-salary")).setValue(new BigDecimal("1234.5"));
        test(find(BigDecimalField.class).id("item-benefits")).setValue(new BigDecimal("10"));
        test(find(DatePicker.class).id("item-start")).setValue(LocalDate.of(2024, 5, 2));
        test(find(RadioButtonGroup.class).id("item-consent")).selectItem("Oui");
        test(find(TextField.class).id("item-members-1-member_name")).setValue("Alice");
        test(find(BigDecimalField.class).id("item-members-1-member_income")).setValue(new BigDecimal("900"));

        assertThat(session.answersToStore()).isEqualTo(Map.ofEntries(
                Map.entry("level", "B"),
                Map.entry("track", "other"),
                Map.entry("track_detail", "Accompagnement santé"),
                Map.entry("scheme", "s6"),
                Map.entry("needs", "food,health"),
                Map.entry("languages", "fr,nl"),
                Map.entry("children", "3"),
                Map.entry("ratio", "0.75"),
                Map.entry("salary", "1234.50"),
                Map.entry("benefits", "10.00"),
                Map.entry("total", "1244.50"),
                Map.entry("start", "2024-05-02"),
                Map.entry("consent", "true"),
                Map.entry("members", "1"),
                Map.entry("members.1.member_name", "Alice"),
                Map.entry("members.1.member_income", "900.00")));

        test(find(RadioButtonGroup.class).id("item-consent")).selectItem("Non");
        test(find(CheckboxGroup.class).id("item-needs")).deselectAll();
        assertThat(session.answersToStore()).containsEntry("consent", "false").doesNotContainKey("needs");
    }

    @Test
    @SuppressWarnings("unchecked")
    void storedAnswersAreShownWhenAnEvaluationIsReopened() {
        FormSession reopened = FormSession.resume(session.form(), Map.of("scheme", "s2", "needs", "health,food",
                "languages", "es", "salary", "1234.5", "start", "2024-05-02", "consent", "false", "members", "2",
                "members.2.member_name", "Zoé"), LocalDate.of(2026, 11, 23));
        UI.getCurrent().removeAll();
        UI.getCurrent().add(renderer.render(reopened, Locale.FRENCH, Set.of("WORKER")).layout());

        assertThat(find(ComboBox.class).id("item-scheme").getValue()).isEqualTo("s2");
        assertThat((Set<Object>) find(CheckboxGroup.class).id("item-needs").getValue()).containsExactlyInAnyOrder("food", "health");
        assertThat((Set<Object>) find(MultiSelectComboBox.class).id("item-languages").getValue()).containsExactly("es");
        assertThat(find(BigDecimalField.class).id("item-salary").getValue()).isEqualTo(new BigDecimal("1234.50"));
        assertThat(find(DatePicker.class).id("item-start").getValue()).isEqualTo(LocalDate.of(2024, 5, 2));
        assertThat(find(RadioButtonGroup.class).id("item-consent").getValue()).isEqualTo(Boolean.FALSE);
        assertThat(find(TextField.class).id("item-members-2-member_name").getValue()).isEqualTo("Zoé");
        assertThat(find(Button.class).id("remove-row-members-2").isEnabled()).isTrue();
    }

    @Test
    void theNoteEscapesHtmlAndDropsScriptLinks() {
        Div note = find(Div.class).id("item-intro");
        Html html = find(Html.class).from(note).single();
        String inner = html.getInnerHtml();
        assertThat(inner).contains("<strong>Bienvenue</strong>").contains("&lt;script&gt;")
                .doesNotContain("<script").doesNotContain("javascript:")
                .contains("href=\"https://example.org\"");
    }

    @Test
    void everyIssueKindIsTranslatedInEveryLanguage() {
        Div any = find(Div.class).id("item-intro");
        for (Locale locale : List.of(Locale.FRENCH, Locale.of("nl"), Locale.ENGLISH)) {
            for (Issue.Kind kind : Issue.Kind.values()) {
                String text = IssueMessages.text(any, new Issue("x", kind, List.of("12"), Optional.empty()), locale);
                String noArguments = IssueMessages.text(any, new Issue("x", kind, List.of(), Optional.empty()), locale);
                assertThat(text).as(kind + " in " + locale).doesNotStartWith("!").doesNotContain("''").isNotBlank();
                assertThat(noArguments).as(kind + " in " + locale).doesNotStartWith("!").doesNotContain("''");
            }
        }
        assertThat(IssueMessages.text(any, new Issue("x", Issue.Kind.TOO_FEW_ROWS, List.of("1"), Optional.empty()), Locale.FRENCH))
                .isEqualTo("Au moins 1 ligne(s)");
        assertThat(IssueMessages.text(any, new Issue("x", Issue.Kind.DATE_AFTER_MAX, List.of("2026-11-23"), Optional.empty()), Locale.FRENCH))
                .isEqualTo("La date ne peut pas être postérieure au 23 novembre 2026");
        assertThat(spaces(IssueMessages.text(any, new Issue("x", Issue.Kind.ABOVE_MAX, List.of("10000"), Optional.empty()), Locale.of("nl"))))
                .isEqualTo("De waarde mag hoogstens 10.000 zijn");
        assertThat(IssueMessages.text(any, new Issue("x", Issue.Kind.REQUIRED, List.of(), Optional.empty()), Locale.ENGLISH))
                .isEqualTo("This field is required");
    }

    /** A component by id, hidden ones included (queries only see visible components). */
    private static <T extends Component> T anyComponent(Class<T> type, String id) {
        return descendants(UI.getCurrent()).filter(type::isInstance).map(type::cast)
                .filter(c -> c.getId().filter(id::equals).isPresent()).findFirst().orElseThrow();
    }

    private static Stream<Component> descendants(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(RendererTests::descendants));
    }

    private int memberNameFields() {
        return (int) find(TextField.class).all().stream()
                .filter(f -> f.getId().orElse("").matches("item-members-\\d+-member_name")).count();
    }

    /** French numbers group with narrow no-break spaces. */
    private static String spaces(String text) {
        return text.replace('\u202f', ' ').replace('\u00a0', ' ');
    }
}
