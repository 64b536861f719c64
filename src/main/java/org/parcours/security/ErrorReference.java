package org.parcours.security;

import java.security.SecureRandom;

/**
 * A short random reference for an unexpected error: shown to the user instead of any detail, and
 * logged with the stack trace, so support can find the one from the other.
 */
public final class ErrorReference {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ErrorReference() {
    }

    public static String next() {
        StringBuilder reference = new StringBuilder(9);
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                reference.append('-');
            }
            reference.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return reference.toString();
    }
}
