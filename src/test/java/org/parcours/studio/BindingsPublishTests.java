package org.parcours.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parcours.catalog.FormCatalog;
import org.parcours.catalog.FormStatus;
import org.parcours.catalog.TestCatalogs;
import org.parcours.formdef.BindingRole;
import org.parcours.formdef.FormDefinitionException;
import org.parcours.formdef.FormProblem;
import org.parcours.formdef.ProblemCode;
import org.parcours.formdef.SourcePosition;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * Renaming an item a workflow needs (the MASP contract's {@code start_date}) without updating its
 * binding: the folder's file is refused at load time with the binding's file, line and column and
 * the live version stays; the studio shows the same problem and refuses to publish (nothing
 * written). Renaming the item together with its binding publishes. A forms folder and form key of
 * the test's own.
 */
@SpringBootTest
class BindingsPublishTests {

    private static final String BINDING_LINE = "  contract.start: start_date";

    @Autowired
    ApplicationContext context;

    @Autowired
    TestData data;

    @TempDir
    Path dir;

    String key;
    Path file;
    String original;
    FormCatalog catalog;
    FormStudio studio;

    @BeforeEach
    void ownFolder() throws Exception {
        key = "masp-" + UUID.randomUUID().toString().substring(0, 8);
        for (String shared : List.of("scales", "lists")) {
            Files.createDirectories(dir.resolve(shared));
            try (var files = Files.list(Path.of("forms", shared))) {
                for (Path f : files.toList()) {
                    Files.copy(f, dir.resolve(shared).resolve(f.getFileName()));
                }
            }
        }
        file = dir.resolve(key + ".yaml");
        original = Files.readString(Path.of("forms/masp-contract.yaml")).replace("form: masp-contract", "form: " + key);
        Files.writeString(file, original);
        catalog = TestCatalogs.over(dir, context);
        catalog.reload();
        studio = new FormStudio(catalog, context.getBean(org.parcours.security.CurrentUser.class),
                context.getBean(org.parcours.audit.AuditLog.class), context.getBean(org.parcours.submissions.Submissions.class));
    }

    @Test
    void aRenamedStartDateWithoutItsBindingIsRefusedAtLoadTimeAndTheLiveVersionStays() throws Exception {
        long live = catalog.current(key).versionId();
        String renamed = original.replace("- id: start_date", "- id: first_day");
        Files.writeString(file, renamed);

        catalog.reload();

        FormStatus status = catalog.statuses().stream().filter(s -> s.formKey().equals(key)).findFirst().orElseThrow();
        assertThat(status.broken()).isTrue();
        assertThat(status.problems()).singleElement().satisfies(p -> assertBrokenBinding(p, renamed));
        assertThat(catalog.current(key).versionId()).as("the live version stays").isEqualTo(live);
        assertThat(catalog.current(key).definition().requireBound(BindingRole.CONTRACT_START)).isEqualTo("start_date");
    }

    @Test
    void theStudioShowsTheBrokenBindingAndRefusesToPublishIt() throws Exception {
        long live = catalog.current(key).versionId();
        FormStudio.Draft draft = data.as(TestUsers.ADMIN, "ADMIN", () -> studio.open(key));
        String renamed = draft.text().replace("- id: start_date", "- id: first_day");

        FormStudio.Check check = data.as(TestUsers.ADMIN, "ADMIN", () -> studio.check(key, renamed));
        FormDefinitionException refused = catchThrowableOfType(FormDefinitionException.class,
                () -> data.as(TestUsers.ADMIN, "ADMIN", () -> studio.publish(draft, renamed, "rename the start date")));

        assertThat(check.valid()).isFalse();
        assertThat(check.problems()).singleElement().satisfies(p -> assertBrokenBinding(p, renamed));
        assertThat(refused).isNotNull();
        assertThat(refused.problems()).singleElement().satisfies(p -> assertBrokenBinding(p, renamed));
        assertThat(Files.readString(file)).as("nothing written").isEqualTo(original);
        catalog.reload();
        assertThat(catalog.current(key).versionId()).isEqualTo(live);
    }

    @Test
    void theStudioPublishesTheItemRenamedTogetherWithItsBinding() throws Exception {
        long live = catalog.current(key).versionId();
        FormStudio.Draft draft = data.as(TestUsers.ADMIN, "ADMIN", () -> studio.open(key));
        String renamed = draft.text().replace("- id: start_date", "- id: first_day")
                .replace(BINDING_LINE, "  contract.start: first_day");

        data.as(TestUsers.ADMIN, "ADMIN", () -> studio.publish(draft, renamed, "rename the start date with its binding"));

        assertThat(catalog.current(key).versionId()).isNotEqualTo(live);
        assertThat(catalog.current(key).definition().requireBound(BindingRole.CONTRACT_START)).isEqualTo("first_day");
    }

    private void assertBrokenBinding(FormProblem problem, String text) {
        int line = text.lines().toList().indexOf(BINDING_LINE) + 1;
        assertThat(line).isPositive();
        assertThat(problem.code()).isEqualTo(ProblemCode.UNKNOWN_ITEM);
        assertThat(problem.at()).isEqualTo(new SourcePosition(key + ".yaml", line, BINDING_LINE.indexOf("start_date") + 1));
        assertThat(problem.message()).contains("contract.start").contains("start_date");
    }
}
