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

    /** The value of a name written without a value ({@code ~}): an administrator has not set it yet. */
    public static final String UNSET = "";

    /** Whether the policy names this value but leaves it for an administrator to set. */
    public boolean unset(String path) {
        return UNSET.equals(values.get(path));
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
        if (unset(path)) {
            throw new PolicyException("policy value '" + path + "' is not set yet in " + id + ": an administrator sets it");
        }
        return text(path).orElseThrow(() -> new PolicyException("policy value '" + path + "' is missing in " + id));
    }

    /** A policy value a feature needs is missing or malformed. */
    public static class PolicyException extends RuntimeException {
        public PolicyException(String message) {
            super(message);
        }
    }
}
