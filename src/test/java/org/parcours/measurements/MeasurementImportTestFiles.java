package org.parcours.measurements;

import java.time.LocalDate;
import java.util.List;

/** Import files made in the test, so that no binary fixture sits in the repository. */
public final class MeasurementImportTestFiles {

    private MeasurementImportTestFiles() {
    }

    /** A workbook of one sheet: numbers as numeric cells, days as date cells, the rest as text. */
    public static byte[] xlsx(List<List<?>> rows) throws java.io.IOException {
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var out = new java.io.ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("mesures");
            var dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            for (int r = 0; r < rows.size(); r++) {
                if (rows.get(r).isEmpty()) {
                    continue;
                }
                var row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object value = rows.get(r).get(c);
                    var cell = row.createCell(c);
                    switch (value) {
                        case Number n -> cell.setCellValue(n.doubleValue());
                        case LocalDate d -> {
                            cell.setCellValue(d);
                            cell.setCellStyle(dateStyle);
                        }
                        default -> cell.setCellValue(String.valueOf(value));
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
