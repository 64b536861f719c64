package org.parcours.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parcours.clients.ClientSummary;
import org.parcours.contracts.ContractDetails;
import org.parcours.contracts.ContractService;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

@SpringBootTest
@WithUserDetails(TestUsers.WORKER_NORTH)
class ContractPdfTests {

    static final LocalDate TODAY = LocalDate.now();

    @Autowired
    ContractService contracts;

    @Autowired
    ContractAndAidPrintouts printouts;

    @Autowired
    TestData data;

    @Autowired
    WebApplicationContext context;

    MockMvc mvc;

    @BeforeEach
    void mockMvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    static Map<String, String> text() {
        Map<String, String> a = new HashMap<>();
        a.put("level", "1");
        a.put("objectives", "2");
        a.put("objectives.1.objective", "Payer le loyer chaque mois");
        a.put("objectives.1.evaluation_criteria", "Quittances de loyer de chaque mois");
        a.put("objectives.2.objective", "Ouvrir les droits à l’aide au logement");
        a.put("objectives.2.evaluation_criteria", "Décision de la CAF");
        a.put("person_commitments", "Apporter les quittances à chaque rendez-vous");
        a.put("service_commitments", "Rencontrer la personne tous les quinze jours");
        a.put("start_date", TODAY.toString());
        a.put("duration_months", "6");
        a.put("person_adhesion", "true");
        a.put("adhesion_date", TODAY.toString());
        return a;
    }

    @Test
    void theContractAndEachAvenantPrintReadyToSignAndOnlyForTheTeam() throws Exception {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "PdfContrat");
        ContractDetails draft = contracts.draft(client.id());
        ContractDetails signed = contracts.sign(draft.id(), draft.lockVersion(), text(), TODAY);
        ContractDetails avenant = contracts.amend(signed.id(), "Gestion des prestations par un délégataire");
        Map<String, String> level2 = new HashMap<>(text());
        level2.put("level", "2");
        level2.put("delegate", "UDAF du Loiret");
        level2.put("managed_benefits", "housing");
        contracts.save(avenant.id(), avenant.lockVersion(), level2);

        byte[] contract = printouts.contract(signed.id(), 1, Locale.FRENCH).bytes();
        byte[] draftAvenant = printouts.contract(signed.id(), 2, Locale.FRENCH).bytes();
        Path out = Path.of("target", "contract-pdf");
        Files.createDirectories(out);
        Files.write(out.resolve("contract.pdf"), contract);
        Files.write(out.resolve("avenant.pdf"), draftAvenant);
        String first = text(contract);
        assertThat(first).contains("Contrat MASP", "PDFCONTRAT", "Payer le loyer chaque mois", "Quittances de loyer de chaque mois",
                "Engagements de la personne", "La personne", "Pour le service (travailleur social)", "Date et signature",
                "contestée dans les deux mois").doesNotContain("Le délégataire", "À SIGNER");
        String second = text(draftAvenant);
        assertThat(second).contains("Avenant 1 au Contrat MASP", "Gestion des prestations par un délégataire", "UDAF du Loiret",
                "Le délégataire", "À SIGNER", "Pas encore signé");
        assertThat(data.auditActions(TestUsers.WORKER_NORTH, "masp_contract", signed.id())).contains("CONTRACT_PRINTED");


        MockHttpServletResponse own = mvc.perform(get("/print/contracts/" + signed.id() + ".pdf").param("version", "1").param("lang", "en")
                .with(user(TestUsers.WORKER_NORTH).roles("WORKER"))).andReturn().getResponse();
        assertThat(own.getStatus()).isEqualTo(200);
        assertThat(text(own.getContentAsByteArray())).contains("MASP contract", "The person");
        MockHttpServletResponse other = mvc.perform(get("/print/contracts/" + signed.id() + ".pdf")
                .with(user(TestUsers.WORKER_SOUTH).roles("WORKER"))).andReturn().getResponse();
        assertThat(other.getStatus()).isEqualTo(404);
    }

    @Autowired
    org.parcours.aid.AidService aid;

    @Test
    void anAidRequestPrintsItsSchemesWithTheirDecisionsForPartners() throws Exception {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "PdfCasu");
        org.parcours.aid.AidRequestDetails draft = aid.create(client.id());
        org.parcours.aid.AidRequestDetails submitted = aid.submit(draft.id(), draft.lockVersion(),
                org.parcours.aid.AidServiceTests.casu("fsl-energy", "300.00", "food", null));
        aid.decide(draft.id(), submitted.schemes().get(0).id(), org.parcours.aid.SchemeDecision.PARTLY_GRANTED, new java.math.BigDecimal("200"),
                "Commission FSL", TODAY, "Plafond du règlement");
        byte[] bytes = printouts.aidRequest(draft.id(), Locale.FRENCH).bytes();
        Path out = Path.of("target", "contract-pdf");
        Files.createDirectories(out);
        Files.write(out.resolve("casu.pdf"), bytes);
        assertThat(text(bytes)).contains("CASU", "PDFCASU", "Dispositifs sollicités", "Fonds de solidarité logement – énergie",
                "Accordé en partie", "Commission FSL", "Plafond du règlement", "Aide alimentaire", "En attente", "Reste à vivre", "77,75",
                "Le travailleur social");
        MockHttpServletResponse other = mvc.perform(get("/print/aid-requests/" + draft.id() + ".pdf")
                .with(user(TestUsers.WORKER_SOUTH).roles("WORKER"))).andReturn().getResponse();
        assertThat(other.getStatus()).isEqualTo(404);
    }

    private static String text(byte[] bytes) throws IOException {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            return new PDFTextStripper().getText(document).replaceAll("[\\s\\u00a0\\u202f]+", " ");
        }
    }
}
