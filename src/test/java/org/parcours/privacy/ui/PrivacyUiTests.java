package org.parcours.privacy.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.parcours.ParcoursApplication;
import org.parcours.clients.ClientSummary;
import org.parcours.clients.ui.ClientView;
import org.parcours.evaluations.EvaluationService;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/** The data protection page of administrators and a worker's justified access, browserless. */
@SpringBootTest
@ViewPackages(classes = ParcoursApplication.class)
class PrivacyUiTests extends SpringBrowserlessTest {

    @Autowired
    TestData data;

    @Autowired
    EvaluationService evaluations;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @WithUserDetails(TestUsers.ADMIN)
    void theAdministratorSeesTheRegisterRunsADryRunSetsAHoldWithAReasonAndPreparesAnExport() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "PrivacyUi");
        data.as(TestUsers.WORKER_NORTH, "WORKER", () -> evaluations.submit(evaluations.blank(client.id(), "imasp"), Map.of("illness", "B")));
        jdbc.update("UPDATE client SET status = 'CLOSED', status_since = '2001-06-30', status_reason = 'moved' WHERE id = ?", client.id());
        long answers = jdbc.queryForObject("SELECT COUNT(*) FROM submission_answer", Long.class);

        navigate(PrivacyView.class);

        @SuppressWarnings("unchecked")
        Grid<org.parcours.privacy.ProcessingRegister.Entry> register = find(Grid.class).id("privacy-register");
        assertThat(test(register).size()).isGreaterThanOrEqualTo(7);
        assertThat(test(register).getCellText(rowOf(register, "imasp"), 1)).contains("santé", "situation sociale");
        assertThat(test(register).getCellText(rowOf(register, "imasp"), 4)).contains("P5Y après la clôture du dossier, puis effacées");

        test(find(Button.class).id("retention-dry-run")).click();
        assertThat(find(Paragraph.class).id("retention-summary").getText()).startsWith("Simulation : ");
        assertThat(find(Grid.class).id("retention-lines").isVisible()).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM submission_answer", Long.class)).as("the dry run changes nothing").isEqualTo(answers);

        test(find(IntegerField.class).id("hold-client")).setValue((int) client.id());
        test(find(Button.class).id("hold-set")).click();
        assertThat(find(Paragraph.class).id("hold-message").getText()).isEqualTo("Donnez un motif : il est gardé au journal d'audit.");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM client_legal_hold WHERE client_id = ?", Integer.class, client.id())).isZero();
        test(find(TextField.class).id("hold-reason")).setValue("litige en cours");
        test(find(Button.class).id("hold-set")).click();
        assertThat(find(Paragraph.class).id("hold-message").getText()).isEqualTo("Le dossier " + client.id() + " est maintenant sous gel juridique.");
        assertThat(jdbc.queryForObject("SELECT reason FROM client_legal_hold WHERE client_id = ?", String.class, client.id())).isEqualTo("litige en cours");

        test(find(IntegerField.class).id("export-client")).setValue((int) client.id());
        test(find(Button.class).id("export-prepare")).click();
        assertThat(find(Anchor.class).id("export-download").getText()).isEqualTo("Télécharger (JSON)");
        assertThat(data.auditActions(TestUsers.ADMIN, "client", client.id())).contains("LEGAL_HOLD_SET", "SUBJECT_ACCESS_EXPORTED");
    }

    @Test
    @WithUserDetails(TestUsers.WORKER_NORTH)
    void aWorkerRefusedAnotherTeamsClientOpensItByGivingAReasonAndAnAdministratorSeesIt() {
        ClientSummary south = data.client(TestUsers.TEAM_SOUTH, "JustifiedUi");

        navigate("clients/" + south.id(), ClientView.class);
        assertThat(find(Paragraph.class).id("client-not-found").getText()).isEqualTo("Ce dossier client n'existe pas ou vous n'y avez pas accès.");
        assertThat(find(Anchor.class).id("client-justified-access").getHref()).isEqualTo("clients/" + south.id() + "/justified-access");

        navigate("clients/" + south.id() + "/justified-access", JustifiedAccessView.class);
        test(find(Button.class).id("justified-open")).click();
        assertThat(find(Paragraph.class).id("justified-message").getText()).isEqualTo("Donnez un motif : il est gardé au journal d'audit.");
        test(find(TextArea.class).id("justified-reason")).setValue("appel urgent du client, son assistant est absent");
        test(find(Button.class).id("justified-open")).click();

        assertThat(getCurrentView()).isInstanceOf(ClientView.class);
        assertThat(find(Paragraph.class).withId("client-not-found").exists()).isFalse();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'CLIENT_READ' AND target_id = ? AND actor = ?",
                Integer.class, String.valueOf(south.id()), TestUsers.WORKER_NORTH)).isEqualTo(1);
    }

    /** The row of the register whose form is {@code formKey}. */
    private int rowOf(Grid<org.parcours.privacy.ProcessingRegister.Entry> grid, String formKey) {
        var rows = test(grid);
        return java.util.stream.IntStream.range(0, rows.size()).filter(i -> rows.getRow(i).formKey().equals(formKey)).findFirst().orElseThrow();
    }
}
