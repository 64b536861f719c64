package org.parcours.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** XLSX with POI's streaming workbook: only a window of rows per sheet stays in memory. */
final class XlsxTableWriter implements TableWriter {

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
    private final Map<String, Sheet> sheets = new HashMap<>();
    private final Map<String, Integer> nextRow = new HashMap<>();
    private final CellStyle headerStyle;

    XlsxTableWriter() {
        workbook.setCompressTempFiles(true);
        Font bold = workbook.createFont();
        bold.setBold(true);
        headerStyle = workbook.createCellStyle();
        headerStyle.setFont(bold);
    }

    @Override
    public void table(String name, List<String> header) {
        Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(name));
        sheets.put(name, sheet);
        Row row = sheet.createRow(0);
        for (int i = 0; i < header.size(); i++) {
            org.apache.poi.ss.usermodel.Cell cell = row.createCell(i);
            cell.setCellValue(Cells.neutralise(header.get(i)));
            cell.setCellStyle(headerStyle);
        }
        sheet.createFreezePane(0, 1);
        nextRow.put(name, 1);
    }

    @Override
    public void row(String table, List<Cell> cells) {
        int number = nextRow.merge(table, 1, Integer::sum) - 1;
        Row row = sheets.get(table).createRow(number);
        for (int i = 0; i < cells.size(); i++) {
            Cell value = cells.get(i);
            if (value.text().isEmpty()) {
                continue;
            }
            if (value.number()) {
                row.createCell(i).setCellValue(new BigDecimal(value.text()).doubleValue());
            } else {
                // a string cell is never a formula; neutralised all the same, for files re-saved as CSV
                row.createCell(i).setCellValue(Cells.neutralise(value.text()));
            }
        }
    }

    @Override
    public void finish(OutputStream out) throws IOException {
        workbook.write(out);
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
