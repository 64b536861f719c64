package org.parcours.formdef;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.Program;

/**
 * The type-checked programs of a form's expressions, with what each expression reads.
 * Evaluation is sandboxed by CEL: no Java classes, no I/O, bounded comprehensions.
 */
public final class CompiledExpressions {

    /** One compiled expression: its program, result type and the variables (item ids) it reads. */
    record Compiled(Program program, ValueType resultType, Set<String> references) {
    }

    private final Map<Expression, Compiled> compiled;
    private final Map<String, ValueType> computedTypes;

    CompiledExpressions(Map<Expression, Compiled> compiled, Map<String, ValueType> computedTypes) {
        this.compiled = Map.copyOf(compiled);
        this.computedTypes = Map.copyOf(computedTypes);
    }

    static CompiledExpressions none() {
        return new CompiledExpressions(Map.of(), Map.of());
    }

    /** The item ids the expression reads. */
    public Set<String> references(Expression expression) {
        return get(expression).references();
    }

    public ValueType resultType(Expression expression) {
        return get(expression).resultType();
    }

    /** The value type a computed item produces (DECIMAL, TEXT...). */
    public ValueType computedType(String itemId) {
        ValueType type = computedTypes.get(itemId);
        if (type == null) {
            throw new IllegalArgumentException("no computed item " + itemId);
        }
        return type;
    }

    /**
     * Evaluates with the given variables (item id to value: String, List, Long, Double, Boolean,
     * Instant, rows as List of Map). Empty when evaluation fails (e.g. a division by zero).
     */
    public Optional<Object> evaluate(Expression expression, Map<String, ?> variables) {
        try {
            return Optional.ofNullable(get(expression).program().eval(variables));
        } catch (CelEvaluationException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private Compiled get(Expression expression) {
        Compiled found = compiled.get(expression);
        if (found == null) {
            throw new IllegalArgumentException("expression not compiled: " + expression);
        }
        return found;
    }
}
