package org.parcours.reporting;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Row-level protection of an anonymised export against rare combinations: the age band and the
 * team of a row, together, could single out a person (the only 65+ client of a small team). A
 * combination shared by fewer persons than the small-group threshold shows its age band as
 * {@value #SUPPRESSED}; a team with fewer such persons shows its name as {@value #SUPPRESSED} too.
 * Every (age band, team) pair left in the file thus covers at least threshold persons.
 */
final class QuasiIdentifiers {

    static final String SUPPRESSED = "*";

    private final int threshold;
    private final Map<List<String>, Set<String>> byBandAndTeam = new HashMap<>();
    private final Map<String, Set<String>> byTeam = new HashMap<>();

    QuasiIdentifiers(int threshold) {
        this.threshold = threshold;
    }

    void add(String person, String ageBand, String team) {
        byBandAndTeam.computeIfAbsent(List.of(ageBand, team), k -> new HashSet<>()).add(person);
        byTeam.computeIfAbsent(team, k -> new HashSet<>()).add(person);
    }

    /** The age band and team to show for a row with these values, once every row was added. */
    List<String> shown(String ageBand, String team) {
        if (persons(byBandAndTeam.get(List.of(ageBand, team))) >= threshold) {
            return List.of(ageBand, team);
        }
        return List.of(SUPPRESSED, persons(byTeam.get(team)) >= threshold ? team : SUPPRESSED);
    }

    private static int persons(Set<String> persons) {
        return persons == null ? 0 : persons.size();
    }
}
