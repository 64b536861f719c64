package org.parcours.measurements;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The first sheet of an XLSX workbook as the rows of a CSV file: one list of cell texts per sheet
 * row (an empty row stays an empty list, so row numbers are the file's line numbers). A cell
 * holds its text as the spreadsheet shows it, a date cell its ISO day (2011-09-01), a formula its
 * last computed value; a row is as wide as the header, or wider when it has cells beyond it.
 */
final class Xlsx {

    private Xlsx() {
    }

    /** Whether the file is a ZIP archive, as every XLSX workbook is (a CSV file never starts so). */
    static boolean isXlsx(byte[] file) {
        return file.length >= 4 && file[0] == 'P' && file[1] == 'K' && file[2] == 3 && file[3] == 4;
    }

    /** The rows, or nothing when the file is no workbook that can be read. */
    static Optional<List<List<String>>> rows(byte[] file) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            if (workbook.getNumberOfSheets() == 0) {
                return Optional.of(List.of());
            }
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            List<List<String>> rows = new ArrayList<>();
            int width = 0;
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
                        cells.add(text(row.getCell(c), formatter));
                    }
                }
                while (!cells.isEmpty() && cells.getLast().isBlank() && cells.size() > width) {
                    cells.removeLast();
                }
                if (r == 0) {
                    width = cells.size();
                }
                while (!cells.isEmpty() && cells.size() < width) {
                    cells.add("");
                }
                rows.add(cells);
            }
            return Optional.of(rows);
        } catch (IOException | RuntimeException e) {
            // not a workbook, a damaged one, or one the reader's safety limits refuse (a ZIP bomb)
            return Optional.empty();
        }
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                    : number(cell, formatter);
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            default -> "";
        };
    }

    /** A whole number in full (a national register number typed as a number has 11 digits), else as shown. */
    private static String number(Cell cell, DataFormatter formatter) {
        double value = cell.getNumericCellValue();
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return cell.getCellType() == CellType.FORMULA ? Double.toString(value) : formatter.formatCellValue(cell);
    }
}
