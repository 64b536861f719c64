package org.parcours.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.i18n.I18NProvider;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.parcours.measurements.ImportLine;
import org.parcours.measurements.ImportProblem;
import org.parcours.measurements.ImportRefusedException;
import org.parcours.measurements.ImportReport;
import org.parcours.measurements.MeasurementImport;
import org.parcours.security.CurrentUser;
import org.parcours.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Importing past measurements over the API (administrators), as on the import page: the file
 * (CSV or XLSX, the same columns) is the request body. {@code .../check} is the dry run: the
 * verdict on every line, nothing created. The import itself creates every measurement or none
 * (one transaction); a refused file is 422 problem details naming each refused line. Importing
 * the same file again creates nothing ("already there"), so a retry is harmless even without an
 * {@code Idempotency-Key}.
 */
@RestController
@RequestMapping(path = "/api/measurement-imports", produces = "application/json")
@Tag(name = "measurement imports")
class MeasurementImportsApiController {

    static final String IMPORT_REFUSED = "import-refused";
    private static final String PROBLEM_PREFIX = "import.problem.";

    private final MeasurementImport imports;
    private final CurrentUser currentUser;
    private final I18NProvider i18n;

    MeasurementImportsApiController(MeasurementImport imports, CurrentUser currentUser, I18NProvider i18n) {
        this.imports = imports;
        this.currentUser = currentUser;
        this.i18n = i18n;
    }

    @Schema(description = "Something wrong with the file or a line: a stable code and a message in the request's language")
    record ProblemDto(@Schema(description = "e.g. unknown-client, unknown-author, not-in-scale, bad-date, duplicate-line, missing-column")
                      String code, String message) {
    }

    @Schema(description = "One line of the file (the header is line 1) and what the import does with it")
    record LineDto(int line, @Schema(nullable = true) Long clientId, @Schema(format = "date", nullable = true) LocalDate measuredOn,
                   @Schema(description = "the user name of the measurement's author") String author,
                   @Schema(allowableValues = {"CREATE", "ALREADY_THERE", "REFUSED"}) String outcome, List<ProblemDto> problems) {
    }

    @Schema(description = "The verdict on a file: importable only without file problems and refused lines")
    record ImportReportDto(String formKey, boolean importable, @Schema(description = "measurements created (0 for a check)") int created,
                           @Schema(description = "lines that create a measurement (or created one, after an import)") long toCreate,
                           long alreadyThere, List<ProblemDto> fileProblems, List<LineDto> lines) {
    }

    @Operation(summary = "Checks a file of past measurements (CSV or XLSX, as the body) line by line and creates nothing: "
            + "per line CREATE, ALREADY_THERE or REFUSED with its problems (administrators)")
    @PostMapping(path = "/{formKey}/check", consumes = {"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/octet-stream"})
    ImportReportDto check(@PathVariable("formKey") String formKey, @RequestBody byte[] file, Locale locale) {
        requireAdministrator();
        return dto(imports.dryRun(formKey, file), locale);
    }

    @Operation(summary = "Imports a file of past measurements (CSV or XLSX, as the body) in one transaction: every measurement "
            + "or none; a line already there is left out, so importing a file again creates nothing; 422 import-refused "
            + "with errors[].line when a line is refused (administrators)")
    @PostMapping(path = "/{formKey}", consumes = {"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/octet-stream"})
    ImportReportDto importFile(@PathVariable("formKey") String formKey, @RequestBody byte[] file,
                               @Parameter(description = "the file's name, for the audit trail") @RequestParam(name = "fileName",
                                       required = false, defaultValue = "upload through the API") String fileName, Locale locale) {
        requireAdministrator();
        return dto(imports.importFile(formKey, file, fileName.strip().isEmpty() ? "upload through the API" : fileName.strip()), locale);
    }

    /** A refused file: what the page would list, as problem details with one error per problem and its line. */
    @ExceptionHandler(ImportRefusedException.class)
    ResponseEntity<ProblemDetail> refused(ImportRefusedException e, Locale locale) {
        ImportReport report = e.report();
        List<Map<String, Object>> errors = new ArrayList<>();
        for (ImportProblem problem : report.fileProblems()) {
            errors.add(error(null, problem, locale));
        }
        for (ImportLine line : report.lines()) {
            line.problems().forEach(problem -> errors.add(error(line.line(), problem, locale)));
        }
        long refusedLines = report.lines().stream().filter(l -> l.outcome() == ImportLine.Outcome.REFUSED).count();
        ProblemDetail problem = ApiProblem.of(HttpStatus.UNPROCESSABLE_CONTENT, IMPORT_REFUSED, "File not imported",
                report.fileProblems().isEmpty() ? "Nothing was imported: " + refusedLines + " line(s) refused; fix them and send the file again"
                        : "Nothing was imported: the file itself is refused");
        problem.setProperty("errors", errors);
        return ApiProblem.response(problem);
    }

    private Map<String, Object> error(Integer line, ImportProblem problem, Locale locale) {
        Map<String, Object> error = new LinkedHashMap<>();
        if (line != null) {
            error.put("line", line);
        }
        error.put("code", code(problem));
        error.put("message", message(problem, locale));
        return error;
    }

    private void requireAdministrator() {
        if (!currentUser.require().has(Role.ADMIN)) {
            throw new AccessDeniedException("Importing measurements through the API is for administrators");
        }
    }

    private ImportReportDto dto(ImportReport report, Locale locale) {
        List<LineDto> lines = report.lines().stream().map(l -> new LineDto(l.line(), l.clientId().orElse(null), l.measuredOn().orElse(null),
                l.author(), l.outcome().name(), problems(l.problems(), locale))).toList();
        long alreadyThere = report.lines().stream().filter(l -> l.outcome() == ImportLine.Outcome.ALREADY_THERE).count();
        return new ImportReportDto(report.formKey(), report.importable(), report.created(), report.toCreate(),
                alreadyThere, problems(report.fileProblems(), locale), lines);
    }

    private List<ProblemDto> problems(List<ImportProblem> problems, Locale locale) {
        return problems.stream().map(p -> new ProblemDto(code(p), message(p, locale))).toList();
    }

    private static String code(ImportProblem problem) {
        return problem.key().startsWith(PROBLEM_PREFIX) ? problem.key().substring(PROBLEM_PREFIX.length()) : problem.key();
    }

    private String message(ImportProblem problem, Locale locale) {
        return i18n.getTranslation(problem.key(), locale, problem.arguments().toArray());
    }
}
