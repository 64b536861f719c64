package org.parcours.aid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.parcours.catalog.FormCatalog;
import org.parcours.catalog.PublishedForm;
import org.parcours.clients.ClientNotFoundException;
import org.parcours.clients.ClientSummary;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

@SpringBootTest
@WithUserDetails(TestUsers.WORKER_NORTH)
public class AidServiceTests {

    static final LocalDate TODAY = LocalDate.now();

    @Autowired
    AidService aid;

    @Autowired
    FormCatalog catalog;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    /** A complete CASU: resources and charges, an assessment, the given schemes (code, amount or null), opinion and consent. */
    public static Map<String, String> casu(String... schemesAndAmounts) {
        Map<String, String> a = new HashMap<>();
        a.put("applicant_last_name", "Test");
        a.put("applicant_first_name", "Test");
        a.put("applicant_birth_date", "1980-05-17");
        for (String money : List.of("resource_salary", "resource_unemployment", "resource_family_benefits", "resource_housing_benefit",
                "resource_pension_disability", "resource_other", "charge_water", "charge_insurance", "charge_loans", "charge_other")) {
            a.put(money, "0.00");
        }
        a.put("resource_minimum_income", "607.75");
        a.put("charge_rent", "450.00");
        a.put("charge_energy", "80.00");
        a.put("situation_assessment", "Energy debt after a long illness");
        int rows = schemesAndAmounts.length / 2;
        a.put("schemes", String.valueOf(rows));
        for (int i = 0; i < rows; i++) {
            String prefix = "schemes." + (i + 1) + ".";
            a.put(prefix + "scheme", schemesAndAmounts[2 * i]);
            if (schemesAndAmounts[2 * i + 1] != null) {
                a.put(prefix + "amount_requested", schemesAndAmounts[2 * i + 1]);
            }
            a.put(prefix + "motivation", "Needed: " + schemesAndAmounts[2 * i]);
        }
        a.put("worker_opinion", "favourable");
        a.put("data_sharing_consent", "true");
        return a;
    }

    @Test
    void oneRequestAsksForSeveralSchemesEachDecidedOnItsOwnAndTheStatusFollows() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "CasuMulti");
        AidRequestDetails draft = aid.create(client.id());
        assertThat(draft.answers()).containsEntry("applicant_last_name", "CasuMulti").containsEntry("applicant_birth_date", "1980-05-17");
        assertThat(draft.status()).isEqualTo(RequestStatus.DRAFT);

        Map<String, String> incomplete = casu("fsl-energy", "300.00");
        incomplete.remove("situation_assessment");
        assertThatThrownBy(() -> aid.submit(draft.id(), draft.lockVersion(), incomplete)).isInstanceOf(IncompleteAidRequestException.class);

        AidRequestDetails submitted = aid.submit(draft.id(), draft.lockVersion(), casu("fsl-energy", "300.00", "food", null, "emergency-aid", "150.00"));
        assertThat(submitted.answers()).containsEntry("remaining_per_person", "77.75");
        assertThat(submitted.status()).isEqualTo(RequestStatus.PENDING);
        assertThat(submitted.schemes()).extracting(SchemeView::code, s -> s.label().in(Locale.FRENCH), SchemeView::decision)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("fsl-energy", "Fonds de solidarité logement – énergie", SchemeDecision.PENDING),
                        org.assertj.core.groups.Tuple.tuple("food", "Aide alimentaire", SchemeDecision.PENDING),
                        org.assertj.core.groups.Tuple.tuple("emergency-aid", "Aide financière d'urgence", SchemeDecision.PENDING));
        assertThatThrownBy(() -> aid.save(draft.id(), submitted.lockVersion(), casu())).isInstanceOf(AidException.class);

        long energy = submitted.schemes().get(0).id();
        long food = submitted.schemes().get(1).id();
        long emergency = submitted.schemes().get(2).id();
        AidRequestDetails one = aid.decide(draft.id(), food, SchemeDecision.GRANTED, null, "Banque alimentaire", TODAY, null);
        assertThat(one.status()).isEqualTo(RequestStatus.IN_PROGRESS);

        assertThatThrownBy(() -> aid.decide(draft.id(), energy, SchemeDecision.PARTLY_GRANTED, new BigDecimal("200"), "Commission FSL", TODAY, " "))
                .isInstanceOf(AidException.class).satisfies(e -> assertThat(((AidException) e).messageKey()).isEqualTo("aid.error.motivation"));
        assertThatThrownBy(() -> aid.decide(draft.id(), energy, SchemeDecision.PARTLY_GRANTED, new BigDecimal("300"), "Commission FSL", TODAY,
                "Plafond")).isInstanceOf(AidException.class).hasMessageContaining("less than the amount requested");
        assertThatThrownBy(() -> aid.decide(draft.id(), energy, SchemeDecision.GRANTED, null, " ", TODAY, null))
                .isInstanceOf(AidException.class);
        aid.decide(draft.id(), energy, SchemeDecision.PARTLY_GRANTED, new BigDecimal("200"), "Commission FSL", TODAY, "Plafond du règlement");
        AidRequestDetails all = aid.decide(draft.id(), emergency, SchemeDecision.REFUSED, null, "CCAS", TODAY, "Ressources au-dessus du barème");
        assertThat(all.status()).isEqualTo(RequestStatus.PARTLY_GRANTED);
        assertThat(all.schemes()).extracting(SchemeView::decision, s -> s.amountGranted().orElse(null), s -> s.decider().orElse(null))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(SchemeDecision.PARTLY_GRANTED, new BigDecimal("200.00"), "Commission FSL"),
                        org.assertj.core.groups.Tuple.tuple(SchemeDecision.GRANTED, null, "Banque alimentaire"),
                        org.assertj.core.groups.Tuple.tuple(SchemeDecision.REFUSED, null, "CCAS"));
        assertThat(aid.ofClient(client.id())).singleElement().extracting(AidRequestSummary::status).isEqualTo(RequestStatus.PARTLY_GRANTED);
        assertThat(data.auditActions(TestUsers.WORKER_NORTH, "aid_request", draft.id())).contains("AID_REQUEST_CREATED",
                "AID_REQUEST_SAVED", "AID_REQUEST_SUBMITTED", "AID_SCHEME_DECIDED");
    }

    @Test
    void theBoardListsPendingSchemesOfTheTeamOldestFirstAndOtherTeamsSeeNothing() {
        ClientSummary first = data.client(TestUsers.TEAM_NORTH, "CasuBoardFirst");
        ClientSummary second = data.client(TestUsers.TEAM_NORTH, "CasuBoardSecond");
        AidRequestDetails a = aid.create(first.id());
        a = aid.submit(a.id(), a.lockVersion(), casu("clothing", null, "furniture", "250.00"));
        AidRequestDetails b = aid.create(second.id());
        b = aid.submit(b.id(), b.lockVersion(), casu("faj", "100.00"));
        aid.decide(a.id(), a.schemes().get(0).id(), SchemeDecision.GRANTED, null, "Vestiaire", TODAY, null);
        long aId = a.id();
        long bId = b.id();

        List<BoardRow> board = aid.board(Optional.of(data.teamId(TestUsers.TEAM_NORTH)), Locale.FRENCH).stream()
                .filter(r -> r.requestId() == aId || r.requestId() == bId).toList();
        assertThat(board).extracting(BoardRow::clientName, BoardRow::scheme)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CASUBOARDFIRST Test", "Mobilier et équipement ménager"),
                        org.assertj.core.groups.Tuple.tuple("CASUBOARDSECOND Test", "Fonds d'aide aux jeunes"));
        assertThat(aid.board(Optional.of(data.teamId(TestUsers.TEAM_SOUTH)), Locale.FRENCH)).noneMatch(r -> r.requestId() == aId);
        assertThat(data.as(TestUsers.WORKER_SOUTH, "WORKER", () -> aid.board(Optional.empty(), Locale.FRENCH)))
                .noneMatch(r -> r.requestId() == aId || r.requestId() == bId);

        long denied = jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE actor = ? AND action = 'ACCESS_DENIED'", Long.class,
                TestUsers.WORKER_SOUTH);
        assertThatThrownBy(() -> data.as(TestUsers.WORKER_SOUTH, "WORKER", () -> aid.open(aId))).isInstanceOf(AidRequestNotFoundException.class);
        assertThatThrownBy(() -> data.as(TestUsers.WORKER_SOUTH, "WORKER", () -> aid.ofClient(first.id())))
                .isInstanceOf(ClientNotFoundException.class);
        long schemeId = a.schemes().get(1).id();
        assertThatThrownBy(() -> data.as(TestUsers.WORKER_SOUTH, "WORKER",
                () -> aid.decide(aId, schemeId, SchemeDecision.GRANTED, null, "Me", TODAY, null))).isInstanceOf(AidRequestNotFoundException.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE actor = ? AND action = 'ACCESS_DENIED'", Long.class,
                TestUsers.WORKER_SOUTH)).isEqualTo(denied + 3);
    }

    @Test
    void aSchemeAddedInTheYamlIsRequestedAndDecidedWithNoJavaChange() throws Exception {
        String yaml = Files.readString(Path.of("forms", "casu.yaml")).replace("            list: aid-schemes\n", """
                            options:
                              - code: solidarity-grocery
                                label: { fr: "Épicerie solidaire", nl: "Sociale kruidenier", en: "Community grocery" }
                              - code: other
                                label: { fr: "Autre dispositif", nl: "Andere regeling", en: "Other scheme" }
                """);
        assertThat(yaml).contains("solidarity-grocery");
        PublishedForm changed = catalog.publishText("casu", yaml);
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "CasuYaml");
        AidRequestDetails draft = aid.create(client.id(), changed);
        assertThatThrownBy(() -> aid.submit(draft.id(), draft.lockVersion(), casu("fsl", "100.00"))).isInstanceOf(RuntimeException.class);
        AidRequestDetails submitted = aid.submit(draft.id(), draft.lockVersion(), casu("solidarity-grocery", null));
        assertThat(submitted.schemes()).singleElement().satisfies(s -> {
            assertThat(s.code()).isEqualTo("solidarity-grocery");
            assertThat(s.label().in(Locale.ENGLISH)).isEqualTo("Community grocery");
        });
        assertThat(aid.board(Optional.empty(), Locale.FRENCH)).anyMatch(r -> r.requestId() == draft.id() && r.scheme().equals("Épicerie solidaire"));
    }
}
