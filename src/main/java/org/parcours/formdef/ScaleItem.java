package org.parcours.formdef;

/** An item answered with one value of a shared scale. */
public record ScaleItem(String id, LocalizedText label, Scale scale) implements Item {

    @Override
    public boolean accepts(String value) {
        return scale.value(value).isPresent();
    }
}
