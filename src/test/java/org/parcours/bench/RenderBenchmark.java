package org.parcours.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.communication.UidlWriter;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.parcours.ParcoursApplication;
import org.parcours.formdef.FormDefinition;
import org.parcours.formdef.FormReader;
import org.parcours.formdef.FormSource;
import org.parcours.formrun.FormSession;
import org.parcours.testsupport.TestUsers;
import org.parcours.ui.renderer.FormRenderer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * Not a unit test: server time to build a 200-item generated form (100 scale items of a 5-value
 * scale + 100 text items in 10 sections: FormSession.start + FormRenderer) and attach it to the
 * UI, next to a hand-written FormLayout with the same 200 fields (100 radio groups with badge
 * renderers + 100 text fields), measured alternately in one run, as a ratio. Each side is timed
 * twice: build + attach, and build + attach + the UIDL response the server would send. A 200-item
 * grid section (one section of 200 scale items, {@code layout: grid}) is timed in the same loop
 * and printed beside them, without a target.
 * Run with {@code ./mvnw test -Pbench}.
 */
@Tag("bench")
@Order(1)
@SpringBootTest(properties = BenchReport.NO_COMPONENT_TRACKER)
@ViewPackages(classes = ParcoursApplication.class)
@WithUserDetails(TestUsers.WORKER_NORTH)
class RenderBenchmark extends SpringBrowserlessTest {

    private static final int WARMUP = 25;
    private static final int RUNS = 41;
    private static final int SECTIONS = BenchForms.SECTIONS;
    private static final int PER_SECTION = BenchForms.PER_SECTION; // scale items per section, and as many text items

    @Autowired
    FormRenderer renderer;

    @Test
    void generatedFormComparedWithAHandWrittenView() {
        FormDefinition form = new FormReader().read(List.of(
                new FormSource("scales/bench-scale.yaml", scaleYaml()),
                new FormSource("bench-200.yaml", BenchForms.formYaml("bench-200", "bench-five")))).forms().get("bench-200");
        assertThat(form.items().count()).isEqualTo(2L * SECTIONS * PER_SECTION);
        FormDefinition gridForm = new FormReader().read(List.of(
                new FormSource("scales/bench-scale.yaml", scaleYaml()),
                new FormSource("bench-grid-200.yaml", BenchForms.gridFormYaml(BenchForms.GRID_KEY, "bench-five")))).forms()
                .get(BenchForms.GRID_KEY);
        assertThat(gridForm.items().count()).isEqualTo((long) BenchForms.GRID_ITEMS);
        Locale locale = Locale.FRENCH;
        Set<String> roles = Set.of("WORKER");
        UI ui = UI.getCurrent();
        LocalDate today = LocalDate.now();

        // every section at once: the engine's own cost against the hand-written view of the same 200 fields
        Supplier<Component> generated = () -> renderer.renderAllSections(FormSession.start(form, today), locale, roles).layout();
        // as a user gets it: a long form builds its open section only
        Supplier<Component> lazy = () -> renderer.render(FormSession.start(form, today), locale, roles).layout();
        Supplier<Component> handWritten = HandWrittenForm::build;
        // one section of 200 scale items drawn as compact grid lines
        Supplier<Component> grid = () -> renderer.render(FormSession.start(gridForm, today), locale, roles).layout();
        boolean uidl = uidlWorks(ui, generated);

        long[] genAttach = new long[RUNS];
        long[] handAttach = new long[RUNS];
        long[] genFull = new long[RUNS];
        long[] handFull = new long[RUNS];
        long[] start = new long[RUNS];
        long[] lazyFull = new long[RUNS];
        long[] gridAttach = new long[RUNS];
        long[] gridFull = new long[RUNS];
        long checksum = 0;
        for (int i = 0; i < WARMUP + RUNS; i++) {
            boolean generatedFirst = i % 2 == 0; // alternate which side goes first
            long[] g = new long[2];
            long[] h = new long[2];
            if (generatedFirst) {
                checksum += once(ui, generated, uidl, g);
                checksum += once(ui, handWritten, uidl, h);
            } else {
                checksum += once(ui, handWritten, uidl, h);
                checksum += once(ui, generated, uidl, g);
            }
            long[] l = new long[2];
            checksum += once(ui, lazy, uidl, l);
            long[] gr = new long[2];
            checksum += once(ui, grid, uidl, gr);
            long s0 = System.nanoTime();
            FormSession session = FormSession.start(form, today);
            long s1 = System.nanoTime();
            checksum += session.answersToStore().size();
            if (i >= WARMUP) {
                int k = i - WARMUP;
                genAttach[k] = g[0];
                genFull[k] = g[1];
                handAttach[k] = h[0];
                handFull[k] = h[1];
                start[k] = s1 - s0;
                lazyFull[k] = l[1];
                gridAttach[k] = gr[0];
                gridFull[k] = gr[1];
            }
        }
        String response = uidl ? "+ UIDL response (UidlWriter.createUidl)" : "+ collect state-tree changes";
        System.out.printf("%n== render benchmark: 200-item form (100 scale of 5 values + 100 text, %d sections), %d runs after %d warm-up, alternating ==%n",
                SECTIONS, RUNS, WARMUP);
        System.out.printf("%-58s %10s %10s %10s%n", "figure", "median ms", "min ms", "max ms");
        row("generated: FormSession.start + FormRenderer + attach", genAttach);
        row("hand-written FormLayout: build + attach", handAttach);
        row("generated " + response, genFull);
        row("hand-written " + response, handFull);
        row("FormSession.start alone (200 items)", start);
        row("generated, lazy sections (first open) " + response, lazyFull);
        row("200-item grid section: build + attach", gridAttach);
        row("200-item grid section " + response, gridFull);
        System.out.printf("ratio generated / hand-written, build + attach     (median) %.2fx   [target <= 1.2x]%n", median(genAttach) / median(handAttach));
        System.out.printf("ratio generated / hand-written, incl. response    (median) %.2fx   [target <= 1.2x]%n", median(genFull) / median(handFull));
        System.out.printf("ratio generated / hand-written, build + attach     (min)    %.2fx   incl. response (min) %.2fx   [mins: less noise-sensitive]%n",
                min(genAttach) / min(handAttach), min(genFull) / min(handFull));
        BenchReport.ratio("P1", "generated 200-item form, every section, build + attach (median) vs hand-written FormLayout", median(genAttach),
                median(handAttach), "ms", 1.2, true, "FormSession.start + FormRenderer.renderAllSections, alternating with the hand-written view, "
                        + RUNS + " runs after " + WARMUP + " warm-up; Vaadin development mode (browserless, component tracker off)");
        BenchReport.ratio("P1", "same, including the UIDL response (median)", median(genFull), median(handFull), "ms", 1.2, true,
                uidl ? "UidlWriter.createUidl after attach" : "state-tree changes collected (UidlWriter unavailable)");
        BenchReport.ratio("P1", "as opened by a user (lazy sections: the first one built), including the UIDL response (median)", median(lazyFull),
                median(handFull), "ms", 1.2, true, "FormRenderer.render: a form of more than parcours.forms.lazy-sections-above visible items "
                        + "builds its open section only");
        BenchReport.record(new BenchReport.Figure("P1", "200-item grid section (one section of 200 scale items, layout: grid), including "
                + "the UIDL response (median) vs hand-written FormLayout", BenchReport.format(median(gridFull), "ms"),
                BenchReport.format(median(handFull), "ms"), String.format(Locale.ROOT, "%.2fx", median(gridFull) / median(handFull)),
                "printed, no target", BenchReport.Status.INFO, String.format(Locale.ROOT, "build + attach alone %.2f ms (median); "
                        + "FormRenderer.render, the section open; no earlier measurements beside it", median(gridAttach))));
        System.out.printf("FormSession.start share of generated build + attach (median) %.1f%%%n%n", 100 * median(start) / median(genAttach));
        assertThat(checksum).isNotZero();
    }

    /** Builds, attaches (timed into t[0]), produces the response (t[1] = both), then detaches untimed. */
    private static long once(UI ui, Supplier<Component> build, boolean uidl, long[] t) {
        long t0 = System.nanoTime();
        Component view = build.get();
        ui.add(view);
        long t1 = System.nanoTime();
        long size = respond(ui, uidl);
        long t2 = System.nanoTime();
        ui.remove(view);
        respond(ui, uidl);
        t[0] = t1 - t0;
        t[1] = t2 - t0;
        return size;
    }

    private static long respond(UI ui, boolean uidl) {
        if (uidl) {
            return new UidlWriter().createUidl(ui, false).toString().length();
        }
        ui.getInternals().getStateTree().runExecutionsBeforeClientResponse();
        long[] changes = {0};
        ui.getInternals().getStateTree().collectChanges(change -> changes[0]++);
        return changes[0];
    }

    private static boolean uidlWorks(UI ui, Supplier<Component> build) {
        try {
            respond(ui, true);
            Component view = build.get();
            ui.add(view);
            long size = respond(ui, true);
            ui.remove(view);
            respond(ui, true);
            Component hand = HandWrittenForm.build();
            ui.add(hand);
            long handSize = respond(ui, true);
            ui.remove(hand);
            respond(ui, true);
            System.out.printf("%nUIDL response on attach: generated form %d characters, hand-written view %d characters%n", size, handSize);
            return true;
        } catch (RuntimeException e) {
            System.out.println("UidlWriter unavailable in this browserless UI (" + e + "); collecting state-tree changes instead");
            ui.removeAll();
            return false;
        }
    }

    // ---- the generated form's YAML ---------------------------------------------------------

    private static String scaleYaml() {
        StringBuilder y = new StringBuilder("scale: bench-five\ntitle: { fr: \"Échelle\", nl: \"Schaal\", en: \"Scale\" }\nvalues:\n");
        for (String[] v : HandWrittenForm.SCALE) {
            y.append("  - code: \"").append(v[0]).append("\"\n    colour: ").append(v[1]).append('\n');
            if (v[0].equals("B") || v[0].equals("C")) {
                y.append("    problem: true\n");
            }
            y.append("    label: { fr: \"Valeur ").append(v[0]).append("\", nl: \"Waarde ").append(v[0])
                    .append("\", en: \"Value ").append(v[0]).append("\" }\n");
        }
        return y.toString();
    }

    // ---- figures ---------------------------------------------------------------------------

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }

    private static double min(long[] values) {
        return Arrays.stream(values).min().orElseThrow() / 1e6;
    }

    private static void row(String name, long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        System.out.printf("%-58s %10.2f %10.2f %10.2f%n", name, sorted[sorted.length / 2] / 1e6, sorted[0] / 1e6, sorted[sorted.length - 1] / 1e6);
    }
}
