package org.parcours.formdef;

/** A custom rule: the answer is refused with {@code message} when the expression is false. */
public record Constraint(Expression expression, LocalizedText message) {
}
