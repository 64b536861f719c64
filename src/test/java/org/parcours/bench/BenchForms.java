package org.parcours.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The 200-item benchmark form (100 scale items + 100 text items in 10 sections), the 200-item
 * grid section (one section of 200 scale items with {@code layout: grid}), as YAML, and a forms
 * folder for an application started by a benchmark: a copy of forms/ with both forms added (keys
 * {@value #KEY} and {@value #GRID_KEY}, on the shared IMASP scale of 5 values).
 */
final class BenchForms {

    static final String KEY = "bench-200";
    static final int SECTIONS = 10;
    static final int PER_SECTION = 10;
    /** The id attribute of the form's last field, present once the whole form is rendered. */
    static final String LAST_FIELD = "item-text_" + SECTIONS * PER_SECTION;
    /** The id attribute of the first section's last field, present once the open section of a lazy form is rendered. */
    static final String FIRST_SECTION_LAST_FIELD = "item-text_" + PER_SECTION;
    static final String GRID_KEY = "bench-grid-200";
    static final int GRID_ITEMS = 200;
    /** The id attribute of the grid's last line's choices, present once the section is rendered. */
    static final String GRID_LAST_FIELD = "item-scale_" + GRID_ITEMS;

    private BenchForms() {
    }

    /** target/bench-forms: forms/ and bench-200.yaml; returns its absolute path. */
    static Path folder() {
        Path source = Path.of("forms");
        Path target = Path.of("target", "bench-forms").toAbsolutePath();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            Files.writeString(target.resolve(KEY + ".yaml"), formYaml(KEY, "imasp-abc"));
            Files.writeString(target.resolve(GRID_KEY + ".yaml"), gridFormYaml(GRID_KEY, "imasp-abc"));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + target, e);
        }
    }

    /** 10 sections of 10 scale items (on {@code scale}) followed by 10 text items. */
    static String formYaml(String key, String scale) {
        StringBuilder y = new StringBuilder("form: ").append(key)
                .append("\ntitle: { fr: \"Formulaire de 200 items\", nl: \"Formulier met 200 items\", en: \"200-item form\" }\nsections:\n");
        for (int s = 1; s <= SECTIONS; s++) {
            y.append("  - id: section_").append(s).append('\n')
                    .append("    title: { fr: \"Section ").append(s).append("\", nl: \"Sectie ").append(s).append("\", en: \"Section ").append(s).append("\" }\n")
                    .append("    items:\n");
            for (int i = 1; i <= PER_SECTION; i++) {
                int n = (s - 1) * PER_SECTION + i;
                y.append("      - id: scale_").append(n).append("\n        type: scale\n        scale: ").append(scale).append('\n')
                        .append("        label: { fr: \"Facteur ").append(n).append(" de la section ").append(s)
                        .append("\", nl: \"Factor ").append(n).append(" van sectie ").append(s)
                        .append("\", en: \"Factor ").append(n).append(" of section ").append(s).append("\" }\n");
            }
            for (int i = 1; i <= PER_SECTION; i++) {
                int n = (s - 1) * PER_SECTION + i;
                y.append("      - id: text_").append(n).append("\n        type: text\n")
                        .append("        label: { fr: \"Remarque ").append(n).append(" de la section ").append(s)
                        .append("\", nl: \"Opmerking ").append(n).append(" van sectie ").append(s)
                        .append("\", en: \"Remark ").append(n).append(" of section ").append(s).append("\" }\n");
            }
        }
        return y.toString();
    }

    /** One section of {@value #GRID_ITEMS} scale items (on {@code scale}) drawn as a grid: one compact line per item. */
    static String gridFormYaml(String key, String scale) {
        StringBuilder y = new StringBuilder("form: ").append(key)
                .append("\ntitle: { fr: \"Grille de 200 facteurs\", nl: \"Raster met 200 factoren\", en: \"200-factor grid\" }\nsections:\n")
                .append("  - id: grid\n    title: { fr: \"Facteurs\", nl: \"Factoren\", en: \"Factors\" }\n    layout: grid\n    items:\n");
        for (int n = 1; n <= GRID_ITEMS; n++) {
            y.append("      - id: scale_").append(n).append("\n        type: scale\n        scale: ").append(scale).append('\n')
                    .append("        label: { fr: \"Facteur ").append(n).append("\", nl: \"Factor ").append(n)
                    .append("\", en: \"Factor ").append(n).append("\" }\n");
        }
        return y.toString();
    }
}
