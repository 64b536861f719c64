package org.parcours.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class QuasiIdentifiersTests {

    @Test
    void aCombinationOfFewerPersonsThanTheThresholdLosesItsAgeBandAndASmallTeamItsNameToo() {
        QuasiIdentifiers rare = new QuasiIdentifiers(5);
        for (int p = 1; p <= 5; p++) {
            rare.add("p" + p, "35-44", "Nord");
            rare.add("p" + p, "35-44", "Nord"); // a second submission of the same person counts once
        }
        rare.add("old", "65+", "Nord");
        rare.add("s1", "25-34", "Sud");
        rare.add("s2", "25-34", "Sud");

        assertThat(rare.shown("35-44", "Nord")).containsExactly("35-44", "Nord");
        assertThat(rare.shown("65+", "Nord")).as("the only 65+ of a team of 6").containsExactly("*", "Nord");
        assertThat(rare.shown("25-34", "Sud")).as("a team of 2").containsExactly("*", "*");
    }

    @Test
    void theSamePersonsInDifferentRowsAreCountedOncePerCombination() {
        QuasiIdentifiers rare = new QuasiIdentifiers(2);
        rare.add("a", "18-24", "Nord");
        rare.add("a", "25-34", "Nord"); // a birthday between two submissions
        rare.add("b", "25-34", "Nord");

        assertThat(rare.shown("25-34", "Nord")).isEqualTo(List.of("25-34", "Nord"));
        assertThat(rare.shown("18-24", "Nord")).isEqualTo(List.of("*", "Nord"));
    }
}
