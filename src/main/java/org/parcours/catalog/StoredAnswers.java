package org.parcours.catalog;

/**
 * How many stored submissions of a form (any kind, any version) hold an answer to an item: the
 * catalog asks before it makes live a version that no longer has that item, so that an id changed
 * on disk without {@code was:} or {@code retired:} does not orphan answers silently.
 */
public interface StoredAnswers {

    int countAnswering(String formKey, String itemId);
}
