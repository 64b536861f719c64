package org.parcours.ui.renderer;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;

/** Numbers and days as people of a locale read them ("1 234,50", "23 novembre 2026"). */
final class LocalFormats {

    private LocalFormats() {
    }

    /** A number with exactly the decimals it has (a stored "1234.50" keeps its two decimals). */
    static String number(BigDecimal value, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        int decimals = Math.max(0, value.scale());
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
        return format.format(value);
    }

    static String date(LocalDate value, Locale locale) {
        return value.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
    }

    /** A plain number text ("1234.5", "-3") as a number, if it is one. */
    static Optional<BigDecimal> parseNumber(String raw) {
        if (!raw.matches("-?[0-9]{1,30}(\\.[0-9]{1,30})?")) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(raw));
    }

    /** The number text for the locale, or the text unchanged when it is not a plain number. */
    static String numberOrAsIs(String raw, Locale locale) {
        return parseNumber(raw).map(n -> number(n, locale)).orElse(raw);
    }

    /** The day for the locale, or the text unchanged when it is not an ISO date. */
    static String dateOrAsIs(String raw, Locale locale) {
        try {
            return date(LocalDate.parse(raw), locale);
        } catch (java.time.format.DateTimeParseException e) {
            return raw;
        }
    }
}
