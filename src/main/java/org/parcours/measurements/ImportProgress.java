package org.parcours.measurements;

/** How far an import's check or import is: {@code done} of {@code total} steps (lines), for a progress bar. */
@FunctionalInterface
public interface ImportProgress {

    ImportProgress NONE = (done, total) -> {
    };

    void reached(int done, int total);
}
