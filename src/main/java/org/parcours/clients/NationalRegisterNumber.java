package org.parcours.clients;

import java.util.Objects;
import java.util.Optional;

/**
 * A Belgian national register number (rijksregisternummer / numéro de registre national):
 * YY.MM.DD-XXX.CC, where CC = 97 - (the first 9 digits mod 97), or, for people born from 2000,
 * the same computed on "2" followed by the first 9 digits. Plain Java; stores the 11 digits.
 */
public final class NationalRegisterNumber {

    private final String digits;

    private NationalRegisterNumber(String digits) {
        this.digits = digits;
    }

    /** Why a text is not a national register number. */
    public enum Problem { FORMAT, CHECKSUM }

    /**
     * Reads "YY.MM.DD-XXX.CC" or 11 digits with optional spaces, dots or dashes.
     *
     * @throws IllegalArgumentException when the text is not a valid number (see {@link #problemOf(String)})
     */
    public static NationalRegisterNumber parse(String text) {
        Optional<Problem> problem = problemOf(text);
        if (problem.isPresent()) {
            throw new IllegalArgumentException("Not a national register number (" + problem.get() + ")");
        }
        return new NationalRegisterNumber(normalise(text));
    }

    public static Optional<NationalRegisterNumber> tryParse(String text) {
        return problemOf(text).isPresent() ? Optional.empty() : Optional.of(new NationalRegisterNumber(normalise(text)));
    }

    /** Empty when the text is a valid number; otherwise what is wrong with it. */
    public static Optional<Problem> problemOf(String text) {
        if (text == null) {
            return Optional.of(Problem.FORMAT);
        }
        String digits = normalise(text);
        if (!digits.matches("[0-9]{11}")) {
            return Optional.of(Problem.FORMAT);
        }
        return checksumMatches(digits) ? Optional.empty() : Optional.of(Problem.CHECKSUM);
    }

    /** The check digits of 9 digits for people born before 2000. */
    public static int checkDigitsBefore2000(String firstNine) {
        return 97 - (int) (Long.parseLong(firstNine) % 97);
    }

    /** The check digits of 9 digits for people born from 2000 ("2" prefixed). */
    public static int checkDigitsFrom2000(String firstNine) {
        return 97 - (int) (Long.parseLong("2" + firstNine) % 97);
    }

    private static boolean checksumMatches(String digits) {
        String firstNine = digits.substring(0, 9);
        int check = Integer.parseInt(digits.substring(9));
        return check == checkDigitsBefore2000(firstNine) || check == checkDigitsFrom2000(firstNine);
    }

    private static String normalise(String text) {
        return text.strip().replaceAll("[\\s.\\-]", "");
    }

    /** The 11 digits, no separators (as stored). */
    public String digits() {
        return digits;
    }

    /** YY.MM.DD-XXX.CC */
    public String formatted() {
        return format(digits);
    }

    /** Formats 11 stored digits as YY.MM.DD-XXX.CC; other text is returned unchanged. */
    public static String format(String digits) {
        if (digits == null || !digits.matches("[0-9]{11}")) {
            return digits;
        }
        return digits.substring(0, 2) + "." + digits.substring(2, 4) + "." + digits.substring(4, 6) + "-"
                + digits.substring(6, 9) + "." + digits.substring(9);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NationalRegisterNumber n && n.digits.equals(digits);
    }

    @Override
    public int hashCode() {
        return Objects.hash(digits);
    }

    @Override
    public String toString() {
        return formatted();
    }
}
