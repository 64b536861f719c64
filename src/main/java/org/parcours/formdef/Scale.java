package org.parcours.formdef;

import java.util.List;
import java.util.Optional;

/** A scale shared by several items and forms, e.g. the IMASP A/B/C/NVT/? scale. */
public record Scale(String id, LocalizedText title, List<ScaleValue> values) {

    public Scale {
        values = List.copyOf(values);
    }

    public Optional<ScaleValue> value(String code) {
        return values.stream().filter(v -> v.code().equals(code)).findFirst();
    }
}
