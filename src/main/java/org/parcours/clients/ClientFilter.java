package org.parcours.clients;

/**
 * A search among the visible clients. {@code text} matches names or the national register number
 * (case- and accent-insensitive; null or blank: any); {@code status} null: any status;
 * {@code onlyMine}: only the clients whose responsible worker is the signed-in user.
 */
public record ClientFilter(String text, ClientStatus status, boolean onlyMine) {

    public static final ClientFilter ALL = new ClientFilter(null, null, false);

    public static ClientFilter text(String text) {
        return new ClientFilter(text, null, false);
    }
}
