package org.parcours.formdef;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A YAML text and the name used in error locations (usually its path under forms/). */
public record FormSource(String name, String text) {

    /**
     * The source of a file's bytes, which must be UTF-8: a file saved in another encoding (or
     * damaged) is refused with the line and column of its first bad byte rather than read with
     * replacement characters that would end up in labels.
     *
     * @throws FormDefinitionException with one {@link ProblemCode#ENCODING} problem
     */
    public static FormSource decode(String name, byte[] bytes) {
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        var result = strict.decode(in, out, true);
        if (result.isError()) {
            String before = new String(bytes, 0, in.position(), StandardCharsets.UTF_8);
            int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
            int column = before.length() - (before.lastIndexOf('\n') + 1) + 1;
            throw new FormDefinitionException(List.of(new FormProblem(ProblemCode.ENCODING, new SourcePosition(name, line, column),
                    String.format("the file is not valid UTF-8 (byte 0x%02X at offset %d)", bytes[in.position()] & 0xff, in.position()),
                    "save the file as UTF-8")));
        }
        strict.flush(out);
        out.flip();
        return new FormSource(name, out.toString());
    }
}
