package org.parcours.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.parcours.formdef.FormDefinition;
import org.parcours.formdef.FormReader;
import org.parcours.formdef.FormSource;

/**
 * The benchmark forms read without a problem on the shipped IMASP scale, so that a benchmark run
 * (which only the lead starts) does not find a broken form: the 200-item form in ten sections and
 * the 200-item grid section.
 */
class BenchFormsTests {

    @Test
    void theBenchmarkFormsReadOnTheImaspScale() throws Exception {
        String scale = Files.readString(Path.of("forms", "scales", "imasp-abc.yaml"));
        var forms = new FormReader().read(List.of(new FormSource("scales/imasp-abc.yaml", scale),
                new FormSource(BenchForms.KEY + ".yaml", BenchForms.formYaml(BenchForms.KEY, "imasp-abc")),
                new FormSource(BenchForms.GRID_KEY + ".yaml", BenchForms.gridFormYaml(BenchForms.GRID_KEY, "imasp-abc")))).forms();

        FormDefinition grid = forms.get(BenchForms.GRID_KEY);
        assertThat(forms.get(BenchForms.KEY).items().count()).isEqualTo(2L * BenchForms.SECTIONS * BenchForms.PER_SECTION);
        assertThat(grid.sections()).hasSize(1);
        assertThat(grid.sections().getFirst().grid()).isTrue();
        assertThat(grid.items().count()).isEqualTo((long) BenchForms.GRID_ITEMS);
        assertThat(grid.item("scale_" + BenchForms.GRID_ITEMS)).isPresent();
    }
}
