package org.parcours.reporting;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Cell text for spreadsheets and CSV. A text starting with {@code = + - @}, a tab or a carriage
 * return would be run as a formula by spreadsheet programs (CSV injection): it gets a leading
 * apostrophe, which they show as text. Plain numbers (such as -12.50) are left alone.
 */
public final class Cells {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private Cells() {
    }

    public static String neutralise(String value) {
        if (value.isEmpty() || NUMBER.matcher(value).matches()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }

    /** One RFC 4180 record (without its CRLF): fields with a comma, quote, CR or LF are quoted, quotes doubled. */
    public static String csvRecord(List<String> fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            String field = neutralise(fields.get(i));
            if (field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\r') >= 0 || field.indexOf('\n') >= 0) {
                line.append('"').append(field.replace("\"", "\"\"")).append('"');
            } else {
                line.append(field);
            }
        }
        return line.toString();
    }

    static boolean isNumber(String value) {
        return NUMBER.matcher(value).matches();
    }
}
