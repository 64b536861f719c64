package org.parcours.studio;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.parcours.formdef.ChoiceItem;
import org.parcours.formdef.FormDefinition;
import org.parcours.formdef.Item;
import org.parcours.formdef.LocalizedText;
import org.parcours.formdef.Option;

/**
 * What a draft changes against the live version, item by item (items are aligned by id, as the
 * committee history aligns versions): items added, removed, relabelled per language, type
 * changed, options (or scale values) added or removed, moved within their section.
 */
public final class FormDiff {

    /** The kinds of change, in the order they are listed. */
    public enum Kind {
        ITEM_ADDED, ITEM_REMOVED, RENAMED, TYPE_CHANGED, RELABELLED, OPTION_ADDED, OPTION_REMOVED, MOVED
    }

    /**
     * One change. {@code detail} is the language for a relabel, the option code for an option
     * change, "old → new" for a type change, the section for a move; {@code before}/{@code after}
     * the texts compared (positions, counted from 1, for a move).
     */
    public record Change(Kind kind, String itemId, String detail, String before, String after) {

        /** A change that may leave existing answers without a place in the new version. */
        public boolean affectsData() {
            return kind == Kind.ITEM_REMOVED || kind == Kind.TYPE_CHANGED || kind == Kind.OPTION_REMOVED;
        }
    }

    private FormDiff() {
    }

    public static List<Change> between(FormDefinition live, FormDefinition draft) {
        Map<String, Item> before = byId(live);
        Map<String, Item> after = byId(draft);
        List<Change> changes = new ArrayList<>();
        // an id of the live version that an item of the draft says it was (was:): a rename, its answers follow
        Map<String, String> renamed = new java.util.HashMap<>();
        before.keySet().stream().filter(id -> !after.containsKey(id))
                .forEach(id -> draft.renames().renamedTo(id).filter(after::containsKey).filter(n -> !before.containsKey(n))
                        .ifPresent(n -> renamed.put(id, n)));
        renamed.forEach((old, now) -> changes.add(new Change(Kind.RENAMED, now, old, old, now)));
        after.forEach((id, item) -> {
            if (!before.containsKey(id) && !renamed.containsValue(id)) {
                changes.add(new Change(Kind.ITEM_ADDED, id, type(item), "", item.label().in(java.util.Locale.FRENCH)));
            }
        });
        before.forEach((id, item) -> {
            if (!after.containsKey(id) && !renamed.containsKey(id)) {
                changes.add(new Change(Kind.ITEM_REMOVED, id, type(item), item.label().in(java.util.Locale.FRENCH), ""));
            }
        });
        before.forEach((oldId, old) -> {
            String id = renamed.getOrDefault(oldId, oldId);
            Item now = after.get(id);
            if (now == null) {
                return;
            }
            if (!type(old).equals(type(now))) {
                changes.add(new Change(Kind.TYPE_CHANGED, id, type(old) + " → " + type(now), type(old), type(now)));
            }
            for (String language : LocalizedText.LANGUAGES) {
                String was = text(old.label(), language);
                String is = text(now.label(), language);
                if (!was.equals(is)) {
                    changes.add(new Change(Kind.RELABELLED, id, language, was, is));
                }
            }
            if (old instanceof org.parcours.formdef.ScaleItem oldScale && now instanceof org.parcours.formdef.ScaleItem newScale) {
                Set<String> oldCodes = oldScale.scale().values().stream().map(org.parcours.formdef.ScaleValue::code).collect(Collectors.toSet());
                Set<String> newCodes = newScale.scale().values().stream().map(org.parcours.formdef.ScaleValue::code).collect(Collectors.toSet());
                newScale.scale().values().stream().filter(v -> !oldCodes.contains(v.code())).forEach(v -> changes.add(
                        new Change(Kind.OPTION_ADDED, id, v.code(), "", v.label().in(java.util.Locale.FRENCH))));
                oldScale.scale().values().stream().filter(v -> !newCodes.contains(v.code())).forEach(v -> changes.add(
                        new Change(Kind.OPTION_REMOVED, id, v.code(), v.label().in(java.util.Locale.FRENCH), "")));
            }
            if (old instanceof ChoiceItem oldChoice && now instanceof ChoiceItem newChoice) {
                Set<String> oldCodes = codes(oldChoice);
                Set<String> newCodes = codes(newChoice);
                newChoice.options().options().stream().filter(o -> !oldCodes.contains(o.code())).forEach(o -> changes.add(
                        new Change(Kind.OPTION_ADDED, id, o.code(), "", o.label().in(java.util.Locale.FRENCH))));
                oldChoice.options().options().stream().filter(o -> !newCodes.contains(o.code())).forEach(o -> changes.add(
                        new Change(Kind.OPTION_REMOVED, id, o.code(), o.label().in(java.util.Locale.FRENCH), "")));
            }
        });
        moves(live, draft, changes);
        changes.sort(java.util.Comparator.comparing(Change::kind));
        return changes;
    }

    /**
     * Items whose place among the items of their section that both versions share changed (an
     * added or removed item alone moves nothing). A swap of two neighbours lists both.
     */
    private static void moves(FormDefinition live, FormDefinition draft, List<Change> changes) {
        for (org.parcours.formdef.Section section : draft.sections()) {
            live.sections().stream().filter(s -> s.id().equals(section.id())).findFirst().ifPresent(old -> {
                List<String> before = old.items().stream().map(Item::id).toList();
                List<String> after = section.items().stream().map(Item::id).filter(before::contains).toList();
                List<String> kept = before.stream().filter(after::contains).toList();
                for (int i = 0; i < after.size(); i++) {
                    if (!after.get(i).equals(kept.get(i))) {
                        changes.add(new Change(Kind.MOVED, after.get(i), section.id(), String.valueOf(kept.indexOf(after.get(i)) + 1),
                                String.valueOf(i + 1)));
                    }
                }
            });
        }
    }

    private static Map<String, Item> byId(FormDefinition form) {
        Map<String, Item> items = new LinkedHashMap<>();
        form.allItems().forEach(item -> items.put(item.id(), item));
        return items;
    }

    private static Set<String> codes(ChoiceItem choice) {
        return choice.options().options().stream().map(Option::code).collect(Collectors.toSet());
    }

    private static String text(LocalizedText text, String language) {
        return Objects.requireNonNullElse(text.byLanguage().get(language), "");
    }

    /** The YAML type name of an item, e.g. scale, choice, multi-choice, integer. */
    static String type(Item item) {
        return switch (item) {
            case ChoiceItem choice -> choice.multiple() ? "multi-choice" : "choice";
            case org.parcours.formdef.NumberItem number -> number.kind().name().toLowerCase(java.util.Locale.ROOT);
            case org.parcours.formdef.YesNoItem yesNo -> "yes-no";
            default -> item.getClass().getSimpleName().replace("Item", "").toLowerCase(java.util.Locale.ROOT);
        };
    }
}
