package org.parcours;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.parcours.catalog.FormsFolder;
import org.parcours.formdef.BindingRole;
import org.parcours.formdef.FormDefinition;
import org.parcours.formdef.FormReader;
import org.parcours.formdef.FormSource;
import org.parcours.formdef.Item;
import org.parcours.formdef.RepeatItem;

/**
 * Java holds mechanisms, the forms hold item ids: no string literal of the application's code is
 * an item id of the CASU or MASP form, nor an answer path built from one ({@code repeat.N.item}).
 * The workflows ask the form for a role ({@code bindings:}). Literals that merely look alike are
 * not item ids: message keys, role names and database column names; the few others are listed
 * below with what they are.
 */
class FormItemIdsInJavaTests {

    private static final Path FORMS = Path.of("forms");
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern DATABASE_NAME = Pattern.compile("@(Column|Table|JoinColumn|MapKeyColumn|CollectionTable)\\b");

    /** Literals equal to an item id that name something else, by the file they are in. */
    private static final Map<String, Set<String>> NOT_ITEM_IDS = Map.of(
            // the client file's own household members (client_household_member), not the CASU repeat
            "org/parcours/clients/ClientService.java", Set.of("household", "household."),
            "org/parcours/clients/ui/ClientEditDialog.java", Set.of("household"),
            "org/parcours/clients/ClientRepository.java", Set.of("household"), // the entity graph of the same members
            // the element ids of the dashboard's "schemes granted" figure
            "org/parcours/reporting/ui/DashboardView.java", Set.of("schemes"),
            // a SARIF result's severity property ("level": "error"), not the MASP measure level
            "org/parcours/formcheck/FormsCheckCommand.java", Set.of("level"));

    @Test
    void noLiteralOfTheApplicationIsACasuOrMaspItemId() throws IOException {
        Set<String> ids = new HashSet<>();
        Set<String> repeats = new HashSet<>();
        for (String formId : List.of("casu", "masp-contract")) {
            FormDefinition form = shippedForms().get(formId);
            form.allItems().map(Item::id).forEach(ids::add);
            form.allItems().filter(RepeatItem.class::isInstance).map(Item::id).forEach(repeats::add);
        }
        Set<String> notAnswers = new HashSet<>(messageKeys());
        Stream.of(BindingRole.values()).map(BindingRole::key).forEach(notAnswers::add);

        List<String> found = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            files = walk.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
        for (Path file : files) {
            String name = SOURCES.relativize(file).toString().replace('\\', '/');
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                String code = line.strip();
                if (code.startsWith("//") || code.startsWith("*") || code.startsWith("/*") || DATABASE_NAME.matcher(line).find()) {
                    continue;
                }
                Matcher literal = LITERAL.matcher(line);
                while (literal.find()) {
                    String text = literal.group(1);
                    if (notAnswers.contains(text) || NOT_ITEM_IDS.getOrDefault(name, Set.of()).contains(text)) {
                        continue;
                    }
                    boolean itemId = ids.contains(text);
                    boolean path = repeats.stream().anyMatch(r -> text.startsWith(r + "."))
                            || ids.stream().anyMatch(id -> text.equals("." + id) || text.endsWith("." + id) && text.matches("[a-z0-9_.]+"));
                    if (itemId || path) {
                        found.add(name + ":" + (i + 1) + ": \"" + text + "\"");
                    }
                }
            }
        }

        assertThat(found).as("item ids of casu.yaml or masp-contract.yaml in %s (ask the form for a role instead)", SOURCES).isEmpty();
    }

    private static Map<String, FormDefinition> shippedForms() throws IOException {
        List<FormSource> sources = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(FORMS)) {
            for (Path f : walk.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                String name = FORMS.relativize(f).toString().replace('\\', '/');
                if (!FormsFolder.isProgramme(name)) { // programmes are read by their own reader
                    sources.add(new FormSource(name, Files.readString(f)));
                }
            }
        }
        return new FormReader().read(sources).forms();
    }

    private static Set<String> messageKeys() throws IOException {
        Properties messages = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/i18n/messages_en.properties"), StandardCharsets.UTF_8)) {
            messages.load(reader);
        }
        return messages.stringPropertyNames();
    }
}
