package org.parcours.reporting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;

import org.parcours.catalog.PublishedForm;
import org.parcours.clients.ClientSummary;
import org.parcours.evaluations.EvaluationDetails;
import org.parcours.evaluations.EvaluationService;
import org.parcours.evaluations.EvaluationStatus;

/** Three inline versions of a small test form, and readers for export files. */
final class ExportFixture {

    private ExportFixture() {
    }

    /**
     * Version 1: q1, removed_later, comment, household (member_name, member_birth_date).
     * Version 2: q1 relabelled, added_v2 added. Version 3: removed_later removed, added_v3 added,
     * member_role added to the household.
     */
    static String version(String key, int version) {
        String q1Label = version == 1 ? "Question un" : "Question un (v" + version + ")";
        StringBuilder items = new StringBuilder();
        items.append("""
                      - id: q1
                        type: choice
                        label: { fr: "%s", nl: "Vraag een", en: "Question one" }
                        options:
                          - code: a
                            label: { fr: "Réponse A", nl: "Antwoord A", en: "Answer A" }
                          - code: b
                            label: { fr: "Réponse B", nl: "Antwoord B", en: "Answer B" }
                """.formatted(q1Label));
        if (version < 3) {
            items.append("""
                          - id: removed_later
                            type: integer
                            label: { fr: "Retiré plus tard", nl: "Later verwijderd", en: "Removed later" }
                    """);
        }
        items.append("""
                      - id: comment
                        type: text
                        label: { fr: "Commentaire", nl: "Opmerking", en: "Comment" }
                """);
        if (version >= 2) {
            items.append("""
                          - id: added_v2
                            type: integer
                            label: { fr: "Ajouté en v2", nl: "Toegevoegd in v2", en: "Added in v2" }
                    """);
        }
        if (version >= 3) {
            items.append("""
                          - id: added_v3
                            type: yes-no
                            label: { fr: "Ajouté en v3", nl: "Toegevoegd in v3", en: "Added in v3" }
                    """);
        }
        items.append("""
                      - id: household
                        type: repeat
                        min: 0
                        max: 5
                        label: { fr: "Ménage", nl: "Gezin", en: "Household" }
                        items:
                          - id: member_name
                            type: text
                            label: { fr: "Nom", nl: "Naam", en: "Name" }
                          - id: member_birth_date
                            type: date
                            label: { fr: "Né le", nl: "Geboren op", en: "Born on" }
                """);
        if (version >= 3) {
            items.append("""
                              - id: member_role
                                type: choice
                                label: { fr: "Rôle", nl: "Rol", en: "Role" }
                                options:
                                  - code: child
                                    label: { fr: "Enfant", nl: "Kind", en: "Child" }
                                  - code: partner
                                    label: { fr: "Partenaire", nl: "Partner", en: "Partner" }
                    """);
        }
        return """
                form: %s
                title: { fr: "Formulaire d'export", nl: "Exportformulier", en: "Export form" }
                sections:
                  - id: main
                    title: { fr: "Principal", nl: "Hoofd", en: "Main" }
                    items:
                %s""".formatted(key, items);
    }

    /** Submits answers on a given version (as the demo data generator does for older versions). */
    static long submit(EvaluationService evaluations, ClientSummary client, PublishedForm version, Map<String, String> answers) {
        EvaluationDetails blank = new EvaluationDetails(Optional.empty(), client, version, EvaluationStatus.DRAFT, 1, Map.of(),
                Optional.empty(), Optional.empty(), 0, true, List.of(), Map.of(), Optional.empty(), Set.of());
        return evaluations.submit(blank, answers).id().orElseThrow();
    }

    /** Every entry of a ZIP container (an XLSX is one too) as text, by entry name. */
    static Map<String, String> entries(byte[] zip) {
        Map<String, String> entries = new LinkedHashMap<>();
        try {
            // ZipFile rather than ZipInputStream: POI writes entries whose sizes follow them
            java.nio.file.Path file = java.nio.file.Files.createTempFile("export-test-", ".zip");
            try {
                java.nio.file.Files.write(file, zip);
                try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(file.toFile())) {
                    for (ZipEntry entry : java.util.Collections.list(in.entries())) {
                        entries.put(entry.getName(), new String(in.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            } finally {
                java.nio.file.Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /** A CSV file's records, parsed per RFC 4180 (quoted fields, doubled quotes, CRLF), without the BOM. */
    static List<List<String>> csv(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<List<String>> records = new java.util.ArrayList<>();
        List<String> record = new java.util.ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < body.length() && body.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < body.length() && body.charAt(i + 1) == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new java.util.ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        return records;
    }
}
