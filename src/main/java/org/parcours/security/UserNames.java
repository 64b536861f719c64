package org.parcours.security;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One spelling per login name, so that the names MariaDB's {@code utf8mb4_unicode_ci} treats as
 * equal (case, accents, compatibility forms, invisible characters) are one name everywhere else
 * too: Unicode NFKC, without control or format characters (categories Cc, Cf), trimmed,
 * lower-cased. Applied when a user is created and to every name typed at sign-in.
 */
public final class UserNames {

    private static final Pattern CONTROL_OR_FORMAT = Pattern.compile("[\\p{Cc}\\p{Cf}]");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private UserNames() {
    }

    /** The name as it is stored and looked up; never null. */
    public static String normalise(String typed) {
        if (typed == null) {
            return "";
        }
        String compatible = Normalizer.normalize(typed, Normalizer.Form.NFKC);
        return CONTROL_OR_FORMAT.matcher(compatible).replaceAll("").strip().toLowerCase(Locale.ROOT);
    }

    /** Whether the name as typed holds a control or format character (refused at creation, not silently dropped). */
    static boolean hasControlOrFormat(String typed) {
        return typed != null && CONTROL_OR_FORMAT.matcher(typed).find();
    }

    /** The normalised name without its accents: two names with one folded form look alike. */
    static String folded(String name) {
        String decomposed = Normalizer.normalize(normalise(name), Normalizer.Form.NFD);
        return Normalizer.normalize(MARKS.matcher(decomposed).replaceAll(""), Normalizer.Form.NFKC);
    }
}
