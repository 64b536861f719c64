package org.parcours.formdef;

/**
 * An expression as written in the form (CEL) and where. Its compiled, type-checked program is
 * held by {@link FormDefinition#expressions()}.
 */
public record Expression(String source, SourcePosition at) {
}
