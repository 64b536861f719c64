package org.parcours.programmes.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.parcours.formdef.FormBundle;
import org.parcours.formdef.FormDefinition;
import org.parcours.formdef.FormReader;
import org.parcours.formdef.FormSource;
import org.parcours.formdef.Policy;
import org.parcours.formdef.programme.Programme;
import org.parcours.formdef.programme.ProgrammeReader;

/**
 * The programmes shipped in forms/programmes, with the shipped forms and policy, without Spring:
 * the IMASP follow-up (DOMAIN §1).
 */
class ShippedProgrammesTests {

    static final FormBundle BUNDLE;
    static final List<Programme> PROGRAMMES;

    static {
        Path dir = Path.of("forms");
        List<FormSource> forms = new ArrayList<>();
        List<FormSource> programmes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                String name = dir.relativize(f).toString();
                (name.startsWith("programmes/") ? programmes : forms).add(new FormSource(name, Files.readString(f)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        BUNDLE = new FormReader().read(forms);
        PROGRAMMES = new ProgrammeReader().read(programmes, BUNDLE.forms(), BUNDLE.policy());
    }

    static final Policy POLICY = BUNDLE.policy().orElseThrow();
    static final Programme IMASP = programme("imasp");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    static Programme programme(String id) {
        return PROGRAMMES.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    static FormDefinition form(String key) {
        return BUNDLE.forms().get(key);
    }

    static ClientFacts client(LocalDate birth, String status, LocalDate since, LocalDate followUp) {
        return new ClientFacts(1, "PEETERS An", Optional.ofNullable(birth), status, Optional.ofNullable(since), Optional.ofNullable(followUp),
                Optional.empty());
    }

    static Measured imasp(LocalDate day, String code) {
        return new Measured(day.atTime(9, 0).toInstant(ZoneOffset.UTC), form("imasp"), Map.of("illness", code, "homeless", "A"));
    }

    static RuleFacts facts(Programme p, ClientFacts c, List<Measured> history, LocalDate day) {
        return facts(p, c, history, day, POLICY);
    }

    static RuleFacts facts(Programme p, ClientFacts c, List<Measured> history, LocalDate day, Policy policy) {
        return RuleFacts.of(c, history, Optional.of(form(p.formKey())), policy, day);
    }

    static List<ScheduleEngine.Due> dues(Programme p, ClientFacts c, List<Measured> history) {
        return new ScheduleEngine(p, POLICY).dues(c, history, facts(p, c, history, TODAY), TODAY);
    }

    @Test
    void theImaspIsDueAfterThreeMonthsOfFollowUpThenEveryFourMonths() {
        ClientFacts started = client(LocalDate.of(1980, 1, 1), "followed", null, LocalDate.of(2026, 8, 1));
        assertThat(dues(IMASP, started, List.of())).singleElement().satisfies(d -> {
            assertThat(d.scheduleId()).isEqualTo("follow-up");
            assertThat(d.due()).isEqualTo(LocalDate.of(2026, 11, 1));
            assertThat(d.overdue()).isTrue();
            assertThat(d.label().in(Locale.FRENCH)).isEqualTo("IMASP à faire");
        });
        assertThat(dues(IMASP, started, List.of(imasp(LocalDate.of(2026, 8, 10), "A"))).getFirst().due())
                .isEqualTo(LocalDate.of(2026, 12, 10));
    }

    @Test
    void aClientTurningSixtyBecomesSocialOnlyAndMovesToTheThreeYearlyReview() {
        LocalDate birth = TODAY.minusYears(60);
        ClientFacts followed = client(birth, "followed", null, LocalDate.of(2020, 1, 1));
        RuleEngine rules = new RuleEngine(IMASP, POLICY);
        assertThat(rules.status(facts(IMASP, followed, List.of(), TODAY.minusDays(1)))).isEmpty();
        Finding turning = rules.statusFinding(facts(IMASP, followed, List.of(), TODAY)).orElseThrow();
        assertThat(turning.ruleId()).isEqualTo("social-only-automatic");
        assertThat(turning.message().in(Locale.FRENCH)).startsWith("À partir de 60 ans").doesNotContain("R3");
        ClientFacts socialOnly = client(birth, "social-only", TODAY, LocalDate.of(2020, 1, 1));
        assertThat(dues(IMASP, socialOnly, List.of(imasp(LocalDate.of(2026, 9, 1), "A")))).singleElement().satisfies(d -> {
            assertThat(d.scheduleId()).isEqualTo("social-only-review");
            assertThat(d.due()).isEqualTo(TODAY.plusYears(3));
        });
        assertThat(rules.flags(facts(IMASP, client(birth, "social-only", TODAY.minusYears(3), null), List.of(), TODAY)))
                .extracting(Finding::ruleId).contains("social-only-review-due");
    }

    @Test
    void theCommitteeGrantsSocialOnlyOnlyAfterThreePersistentMeasurements() {
        ClientFacts c = client(LocalDate.of(1980, 1, 1), "followed", null, LocalDate.of(2024, 1, 1));
        RuleEngine rules = new RuleEngine(IMASP, POLICY);
        List<Measured> two = List.of(imasp(LocalDate.of(2026, 3, 1), "A"), imasp(LocalDate.of(2026, 6, 1), "B"),
                imasp(LocalDate.of(2026, 10, 1), "C"));
        List<Finding> refused = rules.failedGuards("committee.grant-social-only", facts(IMASP, c, two, TODAY));
        assertThat(refused).singleElement().satisfies(f -> {
            assertThat(f.blocking()).isTrue();
            assertThat(f.message().in(Locale.ENGLISH)).isEqualTo(
                    "The committee grants social activation only after at least 3 consecutive measurements showing a persistent problem");
        });
        List<Measured> three = List.of(imasp(LocalDate.of(2026, 3, 1), "B"), imasp(LocalDate.of(2026, 6, 1), "B"),
                imasp(LocalDate.of(2026, 10, 1), "C"));
        assertThat(rules.failedGuards("committee.grant-social-only", facts(IMASP, c, three, TODAY))).isEmpty();
        assertThat(rules.flags(facts(IMASP, c, three, TODAY))).filteredOn(f -> f.ruleId().equals("persistent-problem"))
                .extracting(f -> f.factor().orElseThrow()).containsExactly("illness");
    }

    @Test
    void theLastImaspMustBeRecentForADecisionOnceAnAdministratorSetsTheWindow() {
        ClientFacts c = client(LocalDate.of(1980, 1, 1), "followed", null, LocalDate.of(2024, 1, 1));
        assertThat(POLICY.unset("committee.imasp_max_age_for_agenda")).as("no window is invented").isTrue();
        List<Finding> unset = new RuleEngine(IMASP, POLICY).failedGuards("committee.decide", facts(IMASP, c, List.of(), TODAY));
        assertThat(unset).singleElement().satisfies(f -> {
            assertThat(f.blocking()).as("not applied while unset").isFalse();
            assertThat(f.message().in(Locale.ENGLISH)).startsWith("Rule not applied until an administrator sets committee.imasp_max_age_for_agenda");
        });

        java.util.Map<String, String> values = new java.util.HashMap<>(POLICY.values());
        values.put("committee.imasp_max_age_for_agenda", "P6M");
        Policy set = new Policy(POLICY.id(), values);
        RuleEngine rules = new RuleEngine(IMASP, set);
        assertThat(rules.failedGuards("committee.decide", facts(IMASP, c, List.of(), TODAY, set)))
                .singleElement().satisfies(f -> assertThat(f.blocking()).isTrue());
        assertThat(rules.failedGuards("committee.decide", facts(IMASP, c, List.of(imasp(TODAY.minusMonths(5), "A")), TODAY, set))).isEmpty();
        assertThat(rules.failedGuards("committee.decide", facts(IMASP, c, List.of(imasp(TODAY.minusMonths(7), "A")), TODAY, set)))
                .singleElement().satisfies(f -> assertThat(f.message().in(Locale.FRENCH)).contains("6 mois"));
    }

    @Test
    void theImaspTrackAnswerAndTheStatusAreOneFact() {
        ClientFacts followed = client(LocalDate.of(1980, 1, 1), "followed", null, LocalDate.of(2024, 1, 1));
        Measured proposing = new Measured(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), form("imasp"), Map.of("track", "social-only"));
        assertThat(new RuleEngine(IMASP, POLICY).flags(facts(IMASP, followed, List.of(proposing), TODAY)))
                .extracting(Finding::ruleId).contains("track-follows-status");
        ClientFacts granted = client(LocalDate.of(1980, 1, 1), "social-only", TODAY, LocalDate.of(2024, 1, 1));
        assertThat(new RuleEngine(IMASP, POLICY).flags(facts(IMASP, granted, List.of(proposing), TODAY)))
                .extracting(Finding::ruleId).doesNotContain("track-follows-status");
    }
}
