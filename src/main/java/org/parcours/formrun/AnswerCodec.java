package org.parcours.formrun;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.parcours.formdef.ChoiceItem;
import org.parcours.formdef.ComputedItem;
import org.parcours.formdef.DateItem;
import org.parcours.formdef.Item;
import org.parcours.formdef.NoteItem;
import org.parcours.formdef.NumberItem;
import org.parcours.formdef.RepeatItem;
import org.parcours.formdef.ScaleItem;
import org.parcours.formdef.TextItem;
import org.parcours.formdef.YesNoItem;

/**
 * How answers are stored (one text per item: codes, ISO dates, plain numbers, "true"/"false",
 * codes joined by commas for multi-choice) and turned into typed values for expressions.
 */
public final class AnswerCodec {

    private AnswerCodec() {
    }

    /** The format problem of a stored answer for its item, if any; "" is always acceptable (unanswered). */
    public static Optional<Issue> formatIssue(String path, Item item, String raw) {
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        return switch (item) {
            case ScaleItem scale -> scale.scale().value(raw).isPresent() ? Optional.empty()
                    : Optional.of(Issue.of(path, Issue.Kind.NOT_AN_OPTION, raw));
            case ChoiceItem choice -> codes(raw, choice.multiple()).stream()
                    .filter(code -> choice.options().option(code).isEmpty()).findFirst()
                    .map(code -> Issue.of(path, Issue.Kind.NOT_AN_OPTION, code));
            case TextItem text -> raw.length() > text.maxLength()
                    ? Optional.of(Issue.of(path, Issue.Kind.TOO_LONG, text.maxLength())) : Optional.empty();
            case NumberItem number -> number(raw, number.kind()).isPresent() ? Optional.empty()
                    : Optional.of(Issue.of(path, switch (number.kind()) {
                        case INTEGER -> Issue.Kind.NOT_A_WHOLE_NUMBER;
                        case MONEY -> raw.matches("-?[0-9]+\\.[0-9]{3,}") ? Issue.Kind.TOO_MANY_DECIMALS : Issue.Kind.NOT_A_NUMBER;
                        case DECIMAL -> Issue.Kind.NOT_A_NUMBER;
                    }));
            case DateItem ignored -> date(raw).isPresent() ? Optional.empty() : Optional.of(Issue.of(path, Issue.Kind.NOT_A_DATE));
            case YesNoItem ignored -> raw.equals("true") || raw.equals("false") ? Optional.empty()
                    : Optional.of(Issue.of(path, Issue.Kind.NOT_YES_NO));
            case NoteItem ignored -> Optional.of(Issue.of(path, Issue.Kind.NOT_ANSWERABLE));
            case RepeatItem ignored -> Optional.of(Issue.of(path, Issue.Kind.NOT_ANSWERABLE));
            case ComputedItem ignored -> Optional.of(Issue.of(path, Issue.Kind.NOT_ANSWERABLE));
        };
    }

    /** The value an expression sees; unanswered or malformed answers give the type's empty value. */
    static Object typed(Item item, String raw) {
        return switch (item) {
            case ScaleItem ignored -> raw;
            case TextItem ignored -> raw;
            case ChoiceItem choice -> choice.multiple() ? codes(raw, true) : raw;
            case NumberItem number -> number(raw, number.kind())
                    .<Object>map(v -> number.kind() == NumberItem.Kind.INTEGER ? (Object) v.longValueExact() : (Object) v.doubleValue())
                    .orElse(number.kind() == NumberItem.Kind.INTEGER ? (Object) 0L : (Object) 0.0);
            case DateItem ignored -> date(raw).map(d -> d.atStartOfDay().toInstant(ZoneOffset.UTC)).orElse(Instant.EPOCH);
            case YesNoItem ignored -> raw.equals("true");
            case NoteItem ignored -> "";
            case RepeatItem ignored -> List.of();
            case ComputedItem ignored -> "";
        };
    }

    public static List<String> codes(String raw, boolean multiple) {
        if (raw.isEmpty()) {
            return List.of();
        }
        return multiple ? Arrays.stream(raw.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList() : List.of(raw);
    }

    public static String joinCodes(List<String> codes) {
        return String.join(",", codes);
    }

    public static Optional<BigDecimal> number(String raw, NumberItem.Kind kind) {
        if (!raw.matches("-?[0-9]{1,15}(\\.[0-9]{1,10})?")) {
            return Optional.empty();
        }
        BigDecimal value = new BigDecimal(raw);
        return switch (kind) {
            case INTEGER -> raw.contains(".") ? Optional.empty() : Optional.of(value);
            case MONEY -> value.scale() > 2 ? Optional.empty() : Optional.of(value);
            case DECIMAL -> Optional.of(value);
        };
    }

    public static Optional<LocalDate> date(String raw) {
        if (!ISO_DATE_SHAPE.matcher(raw).matches()) {
            return Optional.empty(); // unanswered or not a date at all: no exception thrown and caught for it
        }
        try {
            return Optional.of(LocalDate.parse(raw));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** What ISO_LOCAL_DATE can read (a signed year of 4 or more digits, month, day): anything else cannot be a date. */
    private static final java.util.regex.Pattern ISO_DATE_SHAPE = java.util.regex.Pattern.compile("[+-]?\\d{4,10}-\\d{2}-\\d{2}");

    /** A computed value as text for display and storage. */
    static String format(Object value) {
        return switch (value) {
            case Double d when d.isNaN() || d.isInfinite() -> "";
            case Double d -> BigDecimal.valueOf(d).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
            case Instant instant -> LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
            case com.google.protobuf.Timestamp ts -> LocalDate.ofInstant(Instant.ofEpochSecond(ts.getSeconds()), ZoneOffset.UTC).toString();
            case List<?> list -> String.join(",", list.stream().map(String::valueOf).toList());
            default -> String.valueOf(value);
        };
    }
}
