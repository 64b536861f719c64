package org.parcours.formdef;

/** A place in a YAML source, 1-based like an editor shows it. */
public record SourcePosition(String source, int line, int column) {

    @Override
    public String toString() {
        return source + ":" + line + ":" + column;
    }
}
