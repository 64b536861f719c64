package org.parcours.catalog;

import java.util.List;
import java.util.Optional;

import org.parcours.formdef.FormProblem;

/**
 * The state of one form file: the version in use (if any) and the problems of the file on disk
 * (empty when the file is valid). A broken file keeps its last good version live.
 */
public record FormStatus(String formKey, String sourceName, Optional<PublishedForm> live, List<FormProblem> problems) {

    public FormStatus {
        problems = List.copyOf(problems);
    }

    public boolean broken() {
        return !problems.isEmpty();
    }
}
