package org.parcours.measurements.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;

import org.junit.jupiter.api.Test;
import org.parcours.ParcoursApplication;
import org.parcours.clients.ClientSummary;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The import page checks and imports beside the request: while it works, a progress bar and a
 * status say so and the import button waits; then each line's outcome is listed, and the import
 * creates the measurements.
 */
@SpringBootTest
@ViewPackages(classes = ParcoursApplication.class)
class ImportViewTests extends SpringBrowserlessTest {

    @Autowired
    TestData data;

    @Test
    @WithUserDetails(TestUsers.ADMIN)
    void aFileIsCheckedThenImportedWithAProgressBarWhileItWorks() throws InterruptedException {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "ImportPage");
        StringBuilder csv = new StringBuilder("client;measured_on;illness\n");
        for (int day = 1; day <= 28; day++) {
            csv.append(client.id()).append(";2010-02-").append(String.format("%02d", day)).append(";B\n");
        }
        long before = data.count("submission WHERE kind = 'EVALUATION'");
        ImportView view = navigate(ImportView.class);

        view.receive("evita.csv", csv.toString().getBytes(StandardCharsets.UTF_8));

        ProgressBar progress = find(ProgressBar.class).id("import-progress");
        assertThat(progress.isVisible()).as("shown while the lines are checked").isTrue();
        assertThat(find(Span.class).id("import-status").getText()).isNotBlank();
        assertThat(find(Button.class).id("import-confirm").isEnabled()).isFalse();
        waitFor(() -> find(ListItem.class).withId("import-line-29").exists(), () -> "status: " + find(Span.class).id("import-status").getText()
                + "; progress " + progress.getValue() + "; result: " + find(com.vaadin.flow.component.html.Div.class).id("import-result")
                .getElement().getTextRecursively());
        assertThat(find(ListItem.class).id("import-line-2").getElement().getAttribute("data-outcome")).isEqualTo("CREATE");
        assertThat(progress.isVisible()).as("hidden once checked").isFalse();
        assertThat(data.count("submission WHERE kind = 'EVALUATION'")).as("a check creates nothing").isEqualTo(before);

        test(find(Button.class).id("import-confirm")).click();

        assertThat(progress.isVisible()).as("shown while importing").isTrue();
        waitFor(() -> find(com.vaadin.flow.component.html.Paragraph.class).withId("import-summary").exists(),
                () -> "created " + (data.count("submission WHERE kind = 'EVALUATION'") - before));
        assertThat(data.count("submission WHERE kind = 'EVALUATION'")).isEqualTo(before + 28);
        assertThat(find(com.vaadin.flow.component.html.Paragraph.class).id("import-summary").getText()).contains("28");
        assertThat(find(Button.class).id("import-confirm").isEnabled()).as("nothing left to import").isFalse();
        assertThat(find(Span.class).id("import-status").getText()).isEmpty();
        roundTrip();
        assertThat(find(ProgressBar.class).withId("import-progress").exists()).as("hidden once imported (no visible bar)").isFalse();
    }

    /** Waits for the background work, running the UI's pending access tasks as a browser's polls would. */
    private void waitFor(BooleanSupplier done, java.util.function.Supplier<String> state) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (!done.getAsBoolean() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            roundTrip();
        }
        assertThat(done.getAsBoolean()).as(() -> "done within a minute; " + state.get()).isTrue();
    }
}
