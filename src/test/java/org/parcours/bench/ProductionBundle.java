package org.parcours.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Vaadin production mode for an application started from the test class path: the committed
 * production bundle ({@code src/main/bundles/prod.bundle}) unpacked under {@code META-INF/VAADIN/}
 * of a folder put first on the class path, with a build-info file that says production, as
 * {@code build-frontend} lays it out in a packaged jar. The test build itself runs before
 * {@code package}, in development mode (docs/decisions/0015), so without this the figures of a
 * forked application would be development-mode figures.
 */
final class ProductionBundle {

    /** The JVM options that select production mode; the folder goes first on the class path. */
    static final List<String> JVM_OPTIONS = List.of("-Dvaadin.productionMode=true");

    private ProductionBundle() {
    }

    /** target/bench-prod, laid out anew from the committed bundle; returns its absolute path. */
    static Path folder() {
        Path root = Path.of("target", "bench-prod").toAbsolutePath();
        Path vaadin = root.resolve("META-INF/VAADIN");
        try (InputStream in = Files.newInputStream(Path.of("src", "main", "bundles", "prod.bundle"));
             ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                Path target = vaadin.resolve(entry.getName()).normalize();
                if (!target.startsWith(vaadin)) {
                    throw new IOException("An entry outside the bundle: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.writeString(vaadin.resolve("config/flow-build-info.json"), """
                    {
                      "productionMode" : true,
                      "eagerServerLoad" : false,
                      "react.enable" : true
                    }
                    """);
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lay out the production bundle in " + root, e);
        }
    }
}
