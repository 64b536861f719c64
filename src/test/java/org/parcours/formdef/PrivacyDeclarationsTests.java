package org.parcours.formdef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The {@code privacy:} declarations of forms, sections and items: inheritance and the reader's checks. */
class PrivacyDeclarationsTests {

    private static final String FORM = """
            form: f
            title: { fr: "F", nl: "F", en: "F" }
            privacy:
              categories: [identity]
              purpose: { fr: "Aide sociale", nl: "Sociale hulp", en: "Social aid" }
              legal-basis: public-task
              retention: { keep: P10Y, after: file-closed, then: anonymise }
            sections:
              - id: health
                title: { fr: "Santé", nl: "Gezondheid", en: "Health" }
                privacy:
                  categories: [health]
                  legal-basis: health-or-social-care
                  retention: { keep: retention.health, after: last-submission, then: erase }
                items:
                  - id: treatment
                    type: text
                    label: { fr: "Traitement", nl: "Behandeling", en: "Treatment" }
                  - id: doctors
                    type: repeat
                    label: { fr: "Médecins", nl: "Artsen", en: "Doctors" }
                    items:
                      - id: doctor_name
                        type: text
                        label: { fr: "Nom", nl: "Naam", en: "Name" }
                        privacy: { categories: [contact] }
              - id: money
                title: { fr: "Argent", nl: "Geld", en: "Money" }
                items:
                  - id: income
                    type: money
                    label: { fr: "Revenus", nl: "Inkomen", en: "Income" }
                    privacy: { categories: [financial] }
                  - id: remark
                    type: text
                    label: { fr: "Remarque", nl: "Opmerking", en: "Remark" }
            """;

    private static FormDefinition read(String yaml) {
        return new FormReader().read(List.of(new FormSource("f.yaml", yaml))).forms().get("f");
    }

    @Test
    void anItemInheritsWhatItDoesNotDeclareFromItsRepeatSectionAndForm() {
        DataProtection privacy = read(FORM).privacy();

        Protection doctor = privacy.of("doctor_name");
        assertThat(doctor.categories()).containsExactlyInAnyOrder(DataCategory.CONTACT, DataCategory.HEALTH, DataCategory.IDENTITY);
        assertThat(doctor.legalBasis()).contains(LegalBasis.HEALTH_OR_SOCIAL_CARE);
        assertThat(doctor.retention()).contains(new Retention("retention.health", Retention.Event.LAST_SUBMISSION, Retention.Action.ERASE));
        assertThat(doctor.purpose().map(p -> p.in(java.util.Locale.ENGLISH))).contains("Social aid");

        Protection income = privacy.of("income");
        assertThat(income.categories()).containsExactlyInAnyOrder(DataCategory.FINANCIAL, DataCategory.IDENTITY);
        assertThat(income.retention()).contains(new Retention("P10Y", Retention.Event.FILE_CLOSED, Retention.Action.ANONYMISE));
        assertThat(privacy.categories()).containsExactlyInAnyOrder(DataCategory.CONTACT, DataCategory.HEALTH, DataCategory.IDENTITY,
                DataCategory.FINANCIAL);
    }

    @Test
    void itemsAreGroupedByTheRetentionThatAppliesToThem() {
        Map<Retention, Set<String>> by = read(FORM).privacy().itemsByRetention();

        assertThat(by.get(new Retention("retention.health", Retention.Event.LAST_SUBMISSION, Retention.Action.ERASE)))
                .containsExactlyInAnyOrder("treatment", "doctors", "doctor_name");
        assertThat(by.get(new Retention("P10Y", Retention.Event.FILE_CLOSED, Retention.Action.ANONYMISE)))
                .containsExactlyInAnyOrder("income", "remark");
    }

    @Test
    void thirdPartyIsInheritedByTheRowsOfARepeatAndATypoIsReported() {
        String declared = FORM.replace("en: \"Doctors\" }\n", "en: \"Doctors\" }\n        privacy: { third-party: true }\n");
        assertThat(declared).isNotEqualTo(FORM);
        FormDefinition form = read(declared);

        assertThat(form.privacy().of("doctor_name").thirdParty()).isTrue();
        assertThat(form.privacy().of("doctor_name").categories()).contains(DataCategory.CONTACT, DataCategory.HEALTH);
        assertThat(form.privacy().of("treatment").thirdParty()).isFalse();
        assertThat(form.privacy().of("income").thirdParty()).isFalse();

        FormDefinitionException refused = catchThrowableOfType(FormDefinitionException.class, () -> new FormReader().read(List.of(
                new FormSource("f.yaml", FORM.replace("privacy: { categories: [financial] }", "privacy: { categories: [financial], third-party: yes please }"))))
                .forms().get("f"));
        assertThat(refused).isNotNull();
        assertThat(refused.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ProblemCode.WRONG_TYPE);
            assertThat(p.message()).contains("third-party");
        });
    }

    @Test
    void aPolicyPathIsResolvedThroughThePolicy() {
        Retention health = new Retention("retention.health", Retention.Event.LAST_SUBMISSION, Retention.Action.ERASE);
        assertThat(health.period(new Policy("p", Map.of("retention.health", "P7Y")))).isEqualTo(Period.ofYears(7));
        assertThat(new Retention("P18M", Retention.Event.FILE_CLOSED, Retention.Action.ERASE).period(new Policy("p", Map.of())))
                .isEqualTo(Period.ofMonths(18));
    }

    @Test
    void aFormWithoutDeclarationsDeclaresNothing() {
        FormDefinition form = read(FORM.replaceAll("(?s)privacy:\\n  categories.*?then: anonymise }\\n", "")
                .replaceAll("(?m)^ +privacy: \\{ categories: \\[\\w+] }\\n", "")
                .replaceAll("(?s)    privacy:\\n      categories: \\[health].*?then: erase }\\n", ""));

        assertThat(form.privacy().categories()).isEmpty();
        assertThat(form.privacy().itemsByRetention()).isEmpty();
    }

    @Test
    void eachMistakeIsReportedWhereItIsWithEveryOtherAtOnce() {
        String broken = FORM.replace("categories: [health]", "categories: [helth]")
                .replace("keep: P10Y", "keep: ten years")
                .replace("after: last-submission", "after: last-visit")
                .replace("then: anonymise", "then: shred")
                .replace("legal-basis: public-task", "legal-basis: public");

        List<FormProblem> problems = catchThrowableOfType(FormDefinitionException.class, () -> read(broken)).problems();

        assertThat(problems).extracting(FormProblem::toString).containsExactlyInAnyOrder(
                "f.yaml:6:16: [unknown-legal-basis] unknown legal basis 'public' (legal bases: "
                        + String.join(", ", LegalBasis.yamlNames()) + ")",
                "f.yaml:7:22: [invalid-period] 'ten years' is neither an ISO-8601 period nor a policy value (write a period such as P5Y"
                        + " (5 years) or P18M, or the path of a policy value such as retention.health)",
                "f.yaml:7:59: [wrong-type] unknown retention action 'shred' (write 'erase' or 'anonymise')",
                "f.yaml:12:20: [unknown-category] unknown data category 'helth' (did you mean 'health'? categories: "
                        + String.join(", ", DataCategory.yamlNames()) + ")",
                "f.yaml:14:51: [unknown-event] unknown event 'last-visit' (events: file-closed,"
                        + " last-submission, contract-ended)");
    }
}
