package org.parcours.programmes.engine;

import java.time.Instant;
import java.util.Map;

import org.parcours.formdef.FormDefinition;

/** One submitted evaluation of a programme's form: when, with which form version, its answers (item id to stored text). */
public record Measured(Instant submittedAt, FormDefinition form, Map<String, String> answers) {

    public Measured {
        answers = Map.copyOf(answers);
    }
}
