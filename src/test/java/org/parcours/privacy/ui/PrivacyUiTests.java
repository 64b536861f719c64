package org.parcours.privacy.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
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
import com.vaadin.flow.i18n.I18NProvider;
import org.junit.jupiter.api.Test;
import org.parcours.ParcoursApplication;
import org.parcours.catalog.FormCatalog;
import org.parcours.formdef.DataCategory;
import org.parcours.clients.ClientSummary;
import org.parcours.clients.ui.ClientView;
import org.parcours.evaluations.EvaluationService;
import org.parcours.privacy.ProcessingRegister;
import org.parcours.studio.FormStudio;
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

    @Autowired
    FormCatalog catalog;

    @Autowired
    FormStudio studio;

    @Autowired
    I18NProvider i18n;

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

    @Test
    @WithUserDetails(TestUsers.ADMIN)
    void theRegisterListsEveryCategoryOfEveryLiveFormAndShowsAHealthItemAddedInTheStudioWithoutARestart() throws Exception {
        String key = "register-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        java.nio.file.Path file = org.parcours.testsupport.TestForms.dir().resolve(key + ".yaml");
        java.nio.file.Files.writeString(file, """
                form: %s
                title: { fr: "Registre vivant", nl: "Levend register", en: "Live register" }
                sections:
                  - id: main
                    title: { fr: "Suivi", nl: "Opvolging", en: "Follow-up" }
                    items:
                      - id: doctor_visit
                        type: yes-no
                        label: { fr: "Visite chez le médecin", nl: "Doktersbezoek", en: "Doctor's visit" }
                privacy:
                  categories: [social]
                  purpose: { fr: "Suivre la personne", nl: "De persoon opvolgen", en: "Follow the person" }
                  legal-basis: public-task
                """.formatted(key));
        try {
            catalog.reload();
            navigate(PrivacyView.class);
            @SuppressWarnings("unchecked")
            Grid<ProcessingRegister.Entry> grid = find(Grid.class).id("privacy-register");
            assertThat(test(grid).size()).as("one row per live form").isEqualTo(catalog.liveForms().size());
            for (int row = 0; row < test(grid).size(); row++) {
                ProcessingRegister.Entry entry = test(grid).getRow(row);
                String cell = test(grid).getCellText(row, 1);
                if (entry.declared()) {
                    assertThat(entry.categories()).as(entry.formKey()).isNotEmpty();
                    for (DataCategory category : entry.categories()) {
                        assertThat(cell).as(entry.formKey()).contains(i18n.getTranslation("privacy.category." + category.yamlName(), Locale.FRENCH));
                    }
                } else {
                    assertThat(cell).isEqualTo("Non déclaré dans le formulaire");
                }
            }
            assertThat(test(grid).getCellText(rowOf(grid, key), 1)).isEqualTo("situation sociale");

            FormStudio.Draft draft = studio.open(key);
            String withHealth = draft.text().replace("        label: { fr: \"Visite chez le médecin\"",
                    "        privacy: { categories: [health], legal-basis: social-protection }\n        label: { fr: \"Visite chez le médecin\"");
            assertThat(withHealth).isNotEqualTo(draft.text());
            studio.publish(draft, withHealth, "the doctor's visit is health data");

            navigate(org.parcours.home.ui.HomeView.class); // the page opened again, as a browser does
            navigate(PrivacyView.class);
            @SuppressWarnings("unchecked")
            Grid<ProcessingRegister.Entry> after = find(Grid.class).id("privacy-register");
            assertThat(test(after).getCellText(rowOf(after, key), 1)).contains("santé", "situation sociale");
            assertThat(test(after).getCellText(rowOf(after, key), 3)).contains("art. 9(2)");

            // the same register as a spreadsheet, one line per live form under a header
            List<ProcessingRegister.Entry> rows = java.util.stream.IntStream.range(0, test(after).size()).mapToObj(test(after)::getRow).toList();
            String csv = new String(((PrivacyView) getCurrentView()).registerCsv(rows), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(csv).startsWith("\uFEFFFormulaire,Catégories de données,");
            assertThat(csv.split("\r\n")).hasSize(rows.size() + 1);
            assertThat(csv).contains("Registre vivant,\"situation sociale, santé\",Suivre la personne,");
            assertThat(find(Anchor.class).id("register-download").getText()).isEqualTo("Télécharger le registre (CSV)");
        } finally {
            java.nio.file.Files.deleteIfExists(file);
            catalog.reload();
        }
    }

    @Test
    @WithUserDetails(TestUsers.WORKER_NORTH)
    void theResponsibleWorkerOpensWhoReadThisFileFromTheClientsPage() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "ReadersUi");
        evaluations.submit(evaluations.blank(client.id(), "imasp"), Map.of("illness", "B"));

        navigate("clients/" + client.id(), ClientView.class);
        assertThat(find(Anchor.class).id("client-readers").getHref()).isEqualTo("clients/" + client.id() + "/readers");
        navigate("clients/" + client.id() + "/readers", FileReadersView.class);

        @SuppressWarnings("unchecked")
        Grid<org.parcours.privacy.FileReaders.Line> grid = find(Grid.class).id("readers");
        assertThat(test(grid).size()).isGreaterThanOrEqualTo(3);
        List<String> rows = java.util.stream.IntStream.range(0, test(grid).size())
                .mapToObj(i -> test(grid).getCellText(i, 1) + " | " + test(grid).getCellText(i, 2) + " | " + test(grid).getCellText(i, 3)).toList();
        assertThat(rows).contains(TestUsers.WORKER_NORTH + " | Travailleur social | Dossier client " + client.id() + " – CLIENT_READ");
        assertThat(rows).anySatisfy(r -> assertThat(r).startsWith(TestUsers.WORKER_NORTH + " | Travailleur social | Évaluation n° ").endsWith(" – EVALUATION_SUBMITTED"));
    }

    @Test
    @WithUserDetails(TestUsers.ADMIN)
    void theAdministratorRecordsARequestWithItsDeadlineAndDecidesIt() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "RequestUi");
        navigate(PrivacyView.class);

        test(find(IntegerField.class).id("request-client")).setValue((int) client.id());
        test(find(Button.class).id("request-record")).click();
        assertThat(find(Paragraph.class).id("request-message").getText()).isEqualTo("Écrivez ce que la personne demande.");
        test(find(TextField.class).id("request-text")).setValue("Corriger mon adresse");
        test(find(Button.class).id("request-record")).click();
        long id = jdbc.queryForObject("SELECT MAX(id) FROM privacy_request WHERE client_id = ?", Long.class, client.id());
        java.time.LocalDate due = jdbc.queryForObject("SELECT due_on FROM privacy_request WHERE id = ?", java.time.LocalDate.class, id);
        assertThat(find(Paragraph.class).id("request-message").getText()).isEqualTo("Demande n° " + id + " enregistrée : réponse au plus tard le " + due + ".");

        test(find(IntegerField.class).id("request-id")).setValue((int) id);
        test(find(TextField.class).id("request-reason")).setValue("adresse vérifiée");
        test(find(Button.class).id("request-accept")).click();
        assertThat(find(Paragraph.class).id("request-message").getText()).isEqualTo("Demande n° " + id + " acceptée.");
        assertThat(jdbc.queryForObject("SELECT status FROM privacy_request WHERE id = ?", String.class, id)).isEqualTo("ACCEPTED");
    }

    /** The row of the register whose form is {@code formKey}. */
    private int rowOf(Grid<org.parcours.privacy.ProcessingRegister.Entry> grid, String formKey) {
        var rows = test(grid);
        return java.util.stream.IntStream.range(0, rows.size()).filter(i -> rows.getRow(i).formKey().equals(formKey)).findFirst().orElseThrow();
    }
}
