package org.parcours.reporting;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.parcours.formdef.Policy;

/**
 * The rules of one anonymised export. Ids become pseudonyms: an HMAC-SHA256 of the id under a
 * random key drawn for this export and never stored, so the same person has the same pseudonym
 * within one export (their rows can be linked) but not across exports, and nobody can go back
 * to the id. Birth dates become age bands; other dates keep only their month. The policy gives the
 * bands, the birth-date items and the small-group threshold.
 */
final class Anonymiser {

    static final String THRESHOLD = "reporting.small_group_threshold";
    static final String AGE_BANDS = "reporting.age_bands";
    static final String BIRTH_DATE_ITEMS = "reporting.birth_date_items";

    private final Mac mac;
    private final List<Integer> bandStarts;
    private final Set<String> birthDateItems;
    private final int threshold;

    Anonymiser(Policy policy, SecureRandom random) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
        Arrays.fill(key, (byte) 0);
        threshold = policy.integer(THRESHOLD);
        bandStarts = list(policy, AGE_BANDS).stream().map(Integer::valueOf).sorted().toList();
        birthDateItems = Set.copyOf(list(policy, BIRTH_DATE_ITEMS));
    }

    private static List<String> list(Policy policy, String path) {
        return Arrays.stream(policy.text(path).orElseThrow(() -> new Policy.PolicyException("policy value '" + path + "' is missing"))
                .split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** A 12-hex-digit pseudonym of an id of a kind ("client", "evaluation"). */
    synchronized String pseudonym(String kind, long id) {
        byte[] digest = mac.doFinal((kind + ":" + id).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 6);
    }

    /** "18-24", "65+"; empty when the birth date is unknown. */
    String ageBand(LocalDate birthDate, LocalDate on) {
        if (birthDate == null || on == null || birthDate.isAfter(on)) {
            return "";
        }
        int age = Period.between(birthDate, on).getYears();
        String band = "";
        for (int i = 0; i < bandStarts.size(); i++) {
            if (age >= bandStarts.get(i)) {
                band = i + 1 < bandStarts.size() ? bandStarts.get(i) + "-" + (bandStarts.get(i + 1) - 1) : bandStarts.get(i) + "+";
            }
        }
        return band;
    }

    /** The value to export for a date item: an age band for a birth date, else the month. */
    String date(String itemId, String isoDate, LocalDate on) {
        if (isoDate.length() < 7) {
            return "";
        }
        if (birthDateItems.contains(itemId)) {
            try {
                return ageBand(LocalDate.parse(isoDate), on);
            } catch (java.time.format.DateTimeParseException e) {
                return "";
            }
        }
        return isoDate.substring(0, 7);
    }

    boolean isBirthDate(String itemId) {
        return birthDateItems.contains(itemId);
    }

    /** The small-group threshold of the policy. */
    int threshold() {
        return threshold;
    }

    /** A count as published: "<N" when it is a small group (1 to N-1), else the number. */
    String count(long count) {
        return count > 0 && count < threshold ? "<" + threshold : String.valueOf(count);
    }
}
