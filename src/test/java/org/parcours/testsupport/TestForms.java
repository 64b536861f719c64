package org.parcours.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The forms folder of the tests: one copy of forms/ per JVM, so a test may change a file (the
 * policy, a form) under the running app without touching the repository, and without a second
 * application context. A test that changes a file restores it before it ends.
 */
public final class TestForms {

    private static Path dir;

    private TestForms() {
    }

    public static synchronized Path dir() {
        if (dir == null) {
            dir = copyOf(Path.of("forms"), "parcours-test-forms-");
        }
        return dir;
    }

    /** A fresh copy of a forms folder in a new temporary directory. */
    public static Path copyOf(Path source, String prefix) {
        try {
            Path target = Files.createTempDirectory(prefix);
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Path copy = target.resolve(source.relativize(file).toString());
                    Files.createDirectories(copy.getParent());
                    Files.copy(file, copy);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
