package org.parcours.formdef;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What a form, a section or an item declares about the personal data it holds
 * ({@code privacy:} in YAML). Each part is optional; an item inherits what it does not declare
 * from its repeat, its section and its form ({@link #over}).
 *
 * @param thirdParty the answers may be about other people than the client (household members,
 *                   relatives): {@code third-party: true}, marked for review in a subject access
 */
public record Protection(Set<DataCategory> categories, Optional<LocalizedText> purpose, Optional<LegalBasis> legalBasis,
                         Optional<Retention> retention, boolean thirdParty) {

    public static final Protection NONE = new Protection(Set.of(), Optional.empty(), Optional.empty(), Optional.empty());

    public Protection {
        categories = categories.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(categories));
    }

    /** A declaration about the client's own data. */
    public Protection(Set<DataCategory> categories, Optional<LocalizedText> purpose, Optional<LegalBasis> legalBasis, Optional<Retention> retention) {
        this(categories, purpose, legalBasis, retention, false);
    }

    /** This declaration completed by {@code outer}'s: categories add up, so does {@code thirdParty}; the rest is taken where not declared here. */
    public Protection over(Protection outer) {
        Set<DataCategory> all = EnumSet.noneOf(DataCategory.class);
        all.addAll(categories);
        all.addAll(outer.categories);
        return new Protection(all, purpose.or(outer::purpose), legalBasis.or(outer::legalBasis), retention.or(outer::retention),
                thirdParty || outer.thirdParty);
    }

    public boolean declared() {
        return !categories.isEmpty() || purpose.isPresent() || legalBasis.isPresent() || retention.isPresent() || thirdParty;
    }
}
