package org.parcours.measurements;

import java.util.ArrayList;
import java.util.List;

/**
 * A small CSV reader: cells separated by ';' (as spreadsheets save in Belgium) or ',' (the one
 * the header line uses), quoted with '"' when they hold a separator, a quote ("") or a line break.
 */
final class Csv {

    private Csv() {
    }

    static List<List<String>> parse(String text) {
        String firstLine = text.lines().findFirst().orElse("");
        char separator = firstLine.indexOf(';') >= 0 ? ';' : ',';
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            any = true;
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == separator) {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                any = false;
            } else {
                cell.append(c);
            }
        }
        if (any) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
