package org.parcours.reporting;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * RFC 4180 CSV (comma, CRLF, quoted when needed, UTF-8 with a byte-order mark so that spreadsheet
 * programs read accents), one file per table, delivered as a ZIP. Each table is spooled to a
 * temporary file while rows arrive, since the ZIP needs one file after the other.
 */
final class CsvZipTableWriter implements TableWriter {

    private static final String BOM = "\uFEFF";
    private final String baseName;
    private final Map<String, Path> files = new LinkedHashMap<>();
    private final Map<String, BufferedWriter> writers = new LinkedHashMap<>();

    CsvZipTableWriter(String baseName) {
        this.baseName = baseName;
    }

    @Override
    public void table(String name, List<String> header) throws IOException {
        Path file = Files.createTempFile("parcours-export-", ".csv");
        files.put(name, file);
        BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        writers.put(name, writer);
        writer.write(BOM);
        writer.write(Cells.csvRecord(header));
        writer.write("\r\n");
    }

    @Override
    public void row(String table, List<Cell> cells) throws IOException {
        BufferedWriter writer = writers.get(table);
        writer.write(Cells.csvRecord(cells.stream().map(Cell::text).toList()));
        writer.write("\r\n");
    }

    @Override
    public void finish(OutputStream out) throws IOException {
        for (BufferedWriter writer : writers.values()) {
            writer.close();
        }
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        boolean first = true;
        for (Map.Entry<String, Path> table : files.entrySet()) {
            zip.putNextEntry(new ZipEntry(first ? baseName + ".csv" : baseName + "-" + table.getKey() + ".csv"));
            Files.copy(table.getValue(), zip);
            zip.closeEntry();
            first = false;
        }
        zip.finish();
    }

    @Override
    public void close() throws IOException {
        for (BufferedWriter writer : writers.values()) {
            writer.close();
        }
        for (Path file : files.values()) {
            Files.deleteIfExists(file);
        }
    }
}
