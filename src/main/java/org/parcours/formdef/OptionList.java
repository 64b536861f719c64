package org.parcours.formdef;

import java.util.List;
import java.util.Optional;

/** Options shared by several items ({@code lists/*.yaml}) or written inline in one item. */
public record OptionList(String id, LocalizedText title, List<Option> options) {

    public OptionList {
        options = List.copyOf(options);
    }

    public Optional<Option> option(String code) {
        return options.stream().filter(o -> o.code().equals(code)).findFirst();
    }
}
