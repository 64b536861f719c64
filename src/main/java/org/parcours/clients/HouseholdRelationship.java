package org.parcours.clients;

/** How a household member relates to the client. */
public enum HouseholdRelationship {
    PARTNER, CHILD, PARENT, SIBLING, OTHER
}
