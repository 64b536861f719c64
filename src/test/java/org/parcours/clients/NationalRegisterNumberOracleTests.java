package org.parcours.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * A national register number already carried by a file of another team: the worker is told only
 * that the number cannot be used (the same answer as for a file of their own team, naming no
 * file, team or person, and saying who can help), nothing is saved, and the probe is audited on
 * the file that carries the number so that an administrator sees it.
 */
@SpringBootTest
@WithUserDetails(TestUsers.WORKER_SOUTH)
class NationalRegisterNumberOracleTests {

    @Autowired
    ClientService clients;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    private Map<String, String> refusal(String number) {
        try {
            clients.create(new NewClient("Sonde", "Numéro", LocalDate.of(1985, 7, 30), data.teamId(TestUsers.TEAM_SOUTH),
                    number, null));
        } catch (ClientValidationException e) {
            return e.fieldErrors();
        }
        throw new AssertionError("the number was accepted");
    }

    @Test
    void anotherTeamsNumberIsRefusedLikeOneOfTheOwnTeamAndTheProbeIsAudited() throws IOException {
        String north = ClientServiceTests.freshNumber();
        ClientSummary northFile = data.as(TestUsers.WORKER_NORTH, "WORKER", () -> clients.create(new NewClient("Nora", "Nord",
                LocalDate.of(1985, 7, 30), data.teamId(TestUsers.TEAM_NORTH), ClientServiceTests.formatted(north), null)));
        String south = ClientServiceTests.freshNumber();
        clients.create(new NewClient("Sam", "Sud", LocalDate.of(1985, 7, 30), data.teamId(TestUsers.TEAM_SOUTH), south, null));
        long before = data.count("client");

        Map<String, String> otherTeam = refusal(north);
        Map<String, String> ownTeam = refusal(south);

        assertThat(otherTeam).isEqualTo(ownTeam).containsOnlyKeys("nationalRegisterNumber");
        assertThat(data.count("client")).as("nothing saved").isEqualTo(before);
        assertThat(jdbc.queryForList("SELECT detail FROM audit_event WHERE actor = ? AND action = 'ACCESS_DENIED'"
                        + " AND target_type = 'client' AND target_id = ?", String.class, TestUsers.WORKER_SOUTH, String.valueOf(northFile.id())))
                .singleElement().asString().contains("national register number");

        // the words shown name no team and no person, and say who can find the file
        for (String language : List.of("fr", "nl", "en")) {
            Properties bundle = new Properties();
            try (var in = getClass().getResourceAsStream("/i18n/messages_" + language + ".properties")) {
                bundle.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            String text = bundle.getProperty(otherTeam.get("nationalRegisterNumber"));
            assertThat(text).as(language).doesNotContain("{").doesNotContainIgnoringCase("équipe").doesNotContainIgnoringCase("team");
            assertThat(text).as(language).containsAnyOf("administrateur", "beheerder", "administrator");
        }
    }
}
