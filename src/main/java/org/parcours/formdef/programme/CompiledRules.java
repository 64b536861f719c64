package org.parcours.formdef.programme;

import java.util.Map;
import java.util.Optional;

import org.parcours.formdef.Expression;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.Program;

/**
 * The type-checked programs of a programme's conditions. Evaluation is sandboxed by CEL; a
 * condition that cannot be evaluated (a value missing at run time) does not hold.
 */
public final class CompiledRules {

    private final Map<Expression, Program> programs;

    CompiledRules(Map<Expression, Program> programs) {
        this.programs = Map.copyOf(programs);
    }

    /** Whether the condition holds with these variables (see {@link RuleCompiler} for their names). */
    public boolean holds(Expression condition, Map<String, ?> variables) {
        return evaluate(condition, variables).map(Boolean.TRUE::equals).orElse(false);
    }

    public Optional<Object> evaluate(Expression condition, Map<String, ?> variables) {
        Program program = programs.get(condition);
        if (program == null) {
            throw new IllegalArgumentException("condition not compiled: " + condition);
        }
        try {
            return Optional.ofNullable(program.eval(variables));
        } catch (CelEvaluationException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
