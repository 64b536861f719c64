package org.parcours.formdef;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Which items and answers a role may see, from {@code sensitive} in YAML. */
class SensitiveItemsTests {

    static final FormDefinition FORM = new FormReader().read(List.of(new FormSource("s.yaml", """
            form: s
            title: { fr: "S", nl: "S", en: "S" }
            sections:
              - id: main
                title: { fr: "Main", nl: "Main", en: "Main" }
                items:
                  - id: open_note
                    type: text
                    label: { fr: "Ouvert", nl: "Open", en: "Open" }
                  - id: phone
                    type: text
                    sensitive: [ADMIN, WORKER]
                    label: { fr: "Téléphone", nl: "Telefoon", en: "Phone" }
                  - id: household
                    type: repeat
                    label: { fr: "Ménage", nl: "Gezin", en: "Household" }
                    items:
                      - id: member
                        type: text
                        label: { fr: "Membre", nl: "Lid", en: "Member" }
                      - id: diagnosis
                        type: text
                        sensitive: [ADMIN]
                        label: { fr: "Diagnostic", nl: "Diagnose", en: "Diagnosis" }
                  - id: medical
                    type: repeat
                    sensitive: [ADMIN]
                    label: { fr: "Médical", nl: "Medisch", en: "Medical" }
                    items:
                      - id: treatment
                        type: text
                        label: { fr: "Traitement", nl: "Behandeling", en: "Treatment" }
            """))).forms().get("s");

    static final Map<String, String> ANSWERS = Map.of(
            "open_note", "note", "phone", "+32 470 00 00 00",
            "household", "1", "household.1.member", "Anna", "household.1.diagnosis", "secret",
            "medical", "1", "medical.1.treatment", "also secret");

    @Test
    void eachRoleLosesTheItemsItMayNotSeeWithEverythingInsideAHiddenRepeat() {
        assertThat(FORM.hiddenFrom(Set.of("ADMIN"))).isEmpty();
        assertThat(FORM.hiddenFrom(Set.of("WORKER"))).containsExactlyInAnyOrder("diagnosis", "medical", "treatment");
        assertThat(FORM.hiddenFrom(Set.of("COMMITTEE"))).containsExactlyInAnyOrder("phone", "diagnosis", "medical", "treatment");
        assertThat(FORM.hiddenFrom(Set.of("COMMITTEE", "WORKER"))).containsExactlyInAnyOrder("diagnosis", "medical", "treatment");
    }

    @Test
    void answersAreFilteredByPathIncludingRepeatRows() {
        assertThat(FORM.answersVisibleTo(Set.of("ADMIN"), ANSWERS)).isEqualTo(ANSWERS);
        assertThat(FORM.answersVisibleTo(Set.of("WORKER"), ANSWERS)).containsOnlyKeys("open_note", "phone", "household", "household.1.member");
        assertThat(FORM.answersVisibleTo(Set.of("COMMITTEE"), ANSWERS)).containsOnlyKeys("open_note", "household", "household.1.member");
        assertThat(FORM.pathVisibleTo(Set.of("WORKER"), "household.3.diagnosis")).isFalse();
        assertThat(FORM.pathVisibleTo(Set.of("WORKER"), "household.3.member")).isTrue();
        assertThat(FORM.pathVisibleTo(Set.of("COMMITTEE"), "phone")).isFalse();
    }
}
