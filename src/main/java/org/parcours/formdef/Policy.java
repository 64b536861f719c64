package org.parcours.formdef;

import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * The domain numbers of {@code policy.yaml}, read by path ({@code "imasp.social_only_age"}).
 * Java features name the paths; the values are the administrators'.
 */
public record Policy(String id, Map<String, String> values) {

    public Policy {
        values = Map.copyOf(values);
    }

    public Optional<String> text(String path) {
        return Optional.ofNullable(values.get(path));
    }

    public Period period(String path) {
        String value = require(path);
        try {
            return Period.parse(value);
        } catch (DateTimeParseException e) {
            throw new PolicyException("policy value '" + path + "' = '" + value + "' is not an ISO period such as P3M");
        }
    }

    public int integer(String path) {
        String value = require(path);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new PolicyException("policy value '" + path + "' = '" + value + "' is not a whole number");
        }
    }

    private String require(String path) {
        return text(path).orElseThrow(() -> new PolicyException("policy value '" + path + "' is missing in " + id));
    }

    /** A policy value a feature needs is missing or malformed. */
    public static class PolicyException extends RuntimeException {
        public PolicyException(String message) {
            super(message);
        }
    }
}
