package org.parcours.formdef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.parcours.catalog.FormsFolder;

/**
 * The roles forms bind for the workflows ({@code bindings:}): the shipped CASU and MASP forms bind
 * every role their workflow needs to an item of the right kind in the right place, the workflows
 * find answers through them, and a renamed item without its binding updated is refused with the
 * binding's file, line and column.
 */
class BindingsTests {

    private static final Path FORMS = Path.of("forms");

    @Test
    void theShippedCasuAndMaspFormsBindEveryRoleTheirWorkflowNeeds() {
        FormBundle bundle = new FormReader().read(shippedSources(Map.of()));

        for (String formId : List.of("casu", "masp-contract")) {
            FormDefinition form = bundle.forms().get(formId);
            String group = formId.equals("casu") ? "aid" : "contract";
            for (BindingRole role : BindingRole.values()) {
                if (!role.group().equals(group)) {
                    assertThat(form.bindings().binds(role)).as("%s binds no %s", formId, role).isFalse();
                    continue;
                }
                assertThat(form.bindings().binds(role)).as("%s binds %s", formId, role).isTrue();
                Item item = form.item(form.requireBound(role)).orElseThrow();
                assertThat(role.kind().accepts(item)).as("%s: %s is %s", formId, role, role.kind().description()).isTrue();
            }
        }
    }

    @Test
    void aWorkflowReadsAnswersThroughTheRolesOfTheFormVersion() {
        FormDefinition casu = new FormReader().read(shippedSources(Map.of())).forms().get("casu");
        String repeat = casu.requireBound(BindingRole.AID_SCHEMES);
        String scheme = casu.requireBound(BindingRole.AID_SCHEME);
        Map<String, String> answers = Map.of(repeat, "2", repeat + ".1." + scheme, "food", repeat + ".2." + scheme, "fsl",
                casu.requireBound(BindingRole.AID_APPLICANT_LAST_NAME), "Janssens");

        assertThat(casu.rows(BindingRole.AID_SCHEMES, answers)).isEqualTo(2);
        assertThat(casu.answer(BindingRole.AID_SCHEME, 2, answers)).contains("fsl");
        assertThat(casu.path(BindingRole.AID_SCHEME, 1)).contains(repeat + ".1." + scheme);
        assertThat(casu.answer(BindingRole.AID_APPLICANT_LAST_NAME, answers)).contains("Janssens");
        assertThat(casu.answer(BindingRole.AID_AMOUNT_REQUESTED, 1, answers)).isEmpty();
        assertThatThrownBy(() -> casu.path(BindingRole.AID_SCHEME)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> casu.requireBound(BindingRole.CONTRACT_START)).isInstanceOf(UnboundRoleException.class)
                .hasMessageContaining("contract.start").hasMessageContaining("casu");
    }

    @Test
    void renamingTheStartDateWithoutItsBindingIsRefusedAtTheBinding() {
        String masp = read(FORMS.resolve("masp-contract.yaml"));
        String renamed = masp.replace("- id: start_date", "- id: first_day");
        assertThat(renamed).isNotEqualTo(masp);

        FormDefinitionException refused = catchThrowableOfType(FormDefinitionException.class,
                () -> new FormReader().read(shippedSources(Map.of("masp-contract.yaml", renamed))));

        assertThat(refused).isNotNull();
        String bindingLine = "  contract.start: start_date";
        int line = renamed.lines().toList().indexOf(bindingLine) + 1;
        assertThat(line).as("the binding's line").isPositive();
        assertThat(refused.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ProblemCode.UNKNOWN_ITEM);
            assertThat(p.at()).isEqualTo(new SourcePosition("masp-contract.yaml", line, bindingLine.indexOf("start_date") + 1));
            assertThat(p.message()).contains("'contract.start'").contains("'start_date'");
            assertThat(p.toString()).startsWith("masp-contract.yaml:" + line + ":19: [unknown-item]");
        });
    }

    @Test
    void renamingTheItemTogetherWithItsBindingIsAccepted() {
        String masp = read(FORMS.resolve("masp-contract.yaml"))
                .replace("- id: start_date", "- id: first_day").replace("contract.start: start_date", "contract.start: first_day");

        FormDefinition form = new FormReader().read(shippedSources(Map.of("masp-contract.yaml", masp))).forms().get("masp-contract");

        assertThat(form.requireBound(BindingRole.CONTRACT_START)).isEqualTo("first_day");
    }

    /** Every file of forms/ (scales and lists included), some replaced by the given texts. */
    static List<FormSource> shippedSources(Map<String, String> replaced) {
        List<FormSource> sources = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(FORMS)) {
            for (Path file : walk.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                String name = FORMS.relativize(file).toString().replace('\\', '/');
                if (!FormsFolder.isProgramme(name)) { // programmes are read by their own reader
                    sources.add(new FormSource(name, replaced.getOrDefault(name, read(file))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sources;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
