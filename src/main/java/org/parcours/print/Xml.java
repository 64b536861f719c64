package org.parcours.print;

/** Escaping for the XHTML given to the PDF renderer: every text from forms, answers and translations goes through here. */
final class Xml {

    private Xml() {
    }

    /** Text for XML content or an attribute; characters XML 1.0 cannot hold are dropped. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (allowed(c)) {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }

    /**
     * The inside of a CSS string ("..."): letters, digits and spaces as they are, anything else as
     * a CSS escape, so quotes, backslashes or braces cannot end the string.
     */
    static String cssString(String text) {
        StringBuilder out = new StringBuilder();
        (text == null ? "" : text).codePoints().filter(Xml::allowed).forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == ' ') {
                out.appendCodePoint(c);
            } else {
                out.append('\\').append(Integer.toHexString(c)).append(' ');
            }
        });
        return out.toString();
    }

    private static boolean allowed(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
