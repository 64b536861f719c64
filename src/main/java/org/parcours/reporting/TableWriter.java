package org.parcours.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes the tables of an export (main rows, each repeat group, aggregates) row by row, so a
 * large export never sits in memory. Tables may be filled in turns; {@link #finish} writes the file.
 */
interface TableWriter extends AutoCloseable {

    /** A cell: text, or a number to store as a number. */
    record Cell(String text, boolean number) {
        static Cell of(String text) {
            return new Cell(text, false);
        }

        static Cell numeric(String text) {
            return new Cell(text, Cells.isNumber(text));
        }
    }

    void table(String name, List<String> header) throws IOException;

    void row(String table, List<Cell> cells) throws IOException;

    void finish(OutputStream out) throws IOException;

    @Override
    void close() throws IOException;

    static TableWriter of(ExportFormat format, String baseName) {
        return switch (format) {
            case XLSX -> new XlsxTableWriter();
            case CSV -> new CsvZipTableWriter(baseName);
        };
    }
}
