package org.parcours.formdef;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The item ids a form declares as changed: {@code was:} on an item names the ids its answers
 * were stored under before (newest first in a chain), and {@code retired:} on the form lists ids
 * deliberately ended. Readers of answers across versions (histories, exports, prefill) follow
 * {@link #currentId}; a publish removing an id with stored answers needs one of the two.
 *
 * @param formerIds item id to the ids it was known by before
 * @param retired   ids whose answers are deliberately left behind
 */
public record Renames(Map<String, List<String>> formerIds, Set<String> retired) {

    public static final Renames NONE = new Renames(Map.of(), Set.of());

    public Renames {
        formerIds = formerIds.entrySet().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey,
                e -> List.copyOf(e.getValue())));
        retired = Set.copyOf(retired);
    }

    /** The id an old id lives on as in this version, if one of its items says {@code was:} it. */
    public Optional<String> renamedTo(String oldId) {
        return formerIds.entrySet().stream().filter(e -> e.getValue().contains(oldId)).map(Map.Entry::getKey).findFirst();
    }

    /** Whether this version accounts for an id it no longer has (renamed or retired). */
    public boolean accountsFor(String oldId) {
        return retired.contains(oldId) || renamedTo(oldId).isPresent();
    }

    /**
     * The id an answer stored under {@code storedId} is read under, following the renames of
     * every given version (chains across versions too); the id itself when none renames it.
     */
    public static String currentId(String storedId, Collection<Renames> versions) {
        Map<String, String> next = new HashMap<>();
        for (Renames renames : versions) {
            renames.formerIds.forEach((id, olds) -> olds.forEach(old -> {
                if (!old.equals(id)) {
                    next.putIfAbsent(old, id);
                }
            }));
        }
        String id = storedId;
        Set<String> seen = new java.util.HashSet<>();
        while (next.containsKey(id) && seen.add(id)) {
            id = next.get(id);
        }
        return id;
    }
}
