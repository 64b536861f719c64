package org.parcours.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.internal.StateNode;

import org.junit.jupiter.api.Test;
import org.parcours.ParcoursApplication;
import org.parcours.catalog.FormCatalog;
import org.parcours.clients.ClientSummary;
import org.parcours.clients.ui.ClientView;
import org.parcours.formrun.FormSession;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.parcours.ui.renderer.FormRenderer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * Long forms render lazily: the support plan (4 sections) counts as long here (the limit is set
 * to 5 visible items), so only its first section is built; the others are built when opened, and
 * autosave, submission problems, their links and carried-over answers work across sections.
 */
@SpringBootTest(properties = "parcours.forms.lazy-sections-above=5")
@ViewPackages(classes = ParcoursApplication.class)
@WithUserDetails(TestUsers.WORKER_NORTH)
class LazySectionsUiTests extends SpringBrowserlessTest {

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FormRenderer renderer;

    @Autowired
    FormCatalog catalog;

    @Test
    void aProblemLinkOpensItsClosedSectionAndFocusesTheField() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "UiLazy");
        navigate(ClientView.class, Map.of(ClientView.CLIENT_ID, String.valueOf(client.id())));
        test(find(Button.class).id("new-evaluation-support-plan")).click();

        Details adhesion = find(Details.class).id("section-adhesion");
        Details plan = find(Details.class).id("section-plan");
        assertThat(adhesion.isOpened()).as("the first section is open").isTrue();
        assertThat(plan.isOpened()).isFalse();
        assertThat(find(DatePicker.class).withId("item-adhesion_date").exists()).isTrue();
        assertThat(find(DatePicker.class).withId("item-plan_start").exists()).as("no component for an item of a closed section").isFalse();
        assertThat(find(TextField.class).withId("item-objectives-1-objective").exists()).isFalse();

        // autosave works from the open section
        test(find(DatePicker.class).id("item-adhesion_date")).setValue(LocalDate.of(2026, 11, 2));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM submission s JOIN submission_revision r ON r.submission_id = s.id WHERE s.kind = 'EVALUATION' AND s.client_id = ? AND r.revision_number = 1 AND r.status = 'DRAFT'", Integer.class, client.id()))
                .isEqualTo(1);

        test(find(Button.class).id("submit-evaluation")).click();
        Div panel = find(Div.class).id("submit-issues");
        Button link = find(Button.class).from(panel).all().stream().filter(b -> b.getText().startsWith("Début de l'accompagnement")).findFirst()
                .orElseThrow(() -> new AssertionError("no problem link for the plan's start: "
                        + find(Button.class).from(panel).all().stream().map(Button::getText).toList()));
        assertThat(find(DatePicker.class).withId("item-plan_start").exists()).isFalse();
        UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations();

        test(link).click();

        assertThat(plan.isOpened()).as("the link opened the problem's section").isTrue();
        DatePicker start = find(DatePicker.class).id("item-plan_start");
        assertThat(start.isInvalid()).as("the problem is shown on the field built after the submission").isTrue();
        assertThat(start.getErrorMessage()).contains("obligatoire");
        StateNode node = start.getElement().getNode();
        assertThat(UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations())
                .as("the field is focused")
                .anySatisfy(js -> {
                    assertThat(js.getOwner()).isEqualTo(node);
                    assertThat(js.getInvocation().getExpression()).contains("focus");
                });

        // an answer typed in the newly opened section is stored with the draft
        test(start).setValue(LocalDate.of(2026, 11, 3));
        test(find(Button.class).id("save-evaluation")).click();
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM submission_answer a JOIN submission_revision r ON r.id = a.revision_id
                JOIN submission e ON e.id = r.submission_id WHERE e.kind = 'EVALUATION' AND e.client_id = ? AND a.item_id = 'plan_start' AND a.answer_value = '2026-11-03'""",
                Integer.class, client.id())).isEqualTo(1);
    }

    @Test
    void carriedOverAnswersAreMarkedWhenTheirSectionIsBuilt() {
        FormSession session = FormSession.resume(catalog.current("support-plan").definition(),
                Map.of("plan_start", "2026-01-05", "adhesion_date", "2026-01-02"), LocalDate.of(2026, 11, 23));
        FormRenderer.RenderedForm rendered = renderer.render(session, Locale.FRENCH, Set.of("WORKER"));
        UI.getCurrent().add(rendered.layout());
        rendered.markCarriedOver(Set.of("plan_start", "adhesion_date"), Map.of("plan_start", "2026-01-05", "adhesion_date", "2026-01-02"),
                "repris", (path, before) -> "modifié, avant " + before);

        assertThat(find(Span.class).withId("previous-adhesion_date").exists()).isTrue();
        assertThat(find(Span.class).withId("previous-plan_start").exists()).isFalse();

        find(Details.class).id("section-plan").setOpened(true); // as the browser does when the summary is clicked

        Span note = find(Span.class).id("previous-plan_start");
        assertThat(note.getText()).isEqualTo("repris");
        test(find(DatePicker.class).id("item-plan_start")).setValue(LocalDate.of(2026, 2, 1));
        assertThat(note.getText()).isEqualTo("modifié, avant 2026-01-05");
        assertThat(rendered.answers()).containsEntry("plan_start", "2026-02-01");
    }

    @Test
    void shortFormsStillRenderEverySectionAtOnce() {
        FormSession session = FormSession.start(catalog.current("support-plan").definition(), LocalDate.of(2026, 11, 23));
        UI.getCurrent().add(renderer.renderAllSections(session, Locale.FRENCH, Set.of("WORKER")).layout());
        assertThat(find(Details.class).all()).isEmpty();
        assertThat(find(DatePicker.class).withId("item-plan_start").exists()).isTrue();
        assertThat(List.of("item-adhesion_date", "item-review_date")).allSatisfy(id -> assertThat(find(DatePicker.class).withId(id).exists()).isTrue());
    }
}
