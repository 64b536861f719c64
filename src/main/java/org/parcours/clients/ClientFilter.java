package org.parcours.clients;

/**
 * A search among the visible clients. {@code text} matches names or the national register number
 * (case- and accent-insensitive; null or blank: any); {@code teamId} null: every visible team;
 * {@code status} null: any status; {@code onlyMine}: only the clients whose responsible worker is
 * the signed-in user.
 */
public record ClientFilter(String text, Long teamId, ClientStatus status, boolean onlyMine) {

    public static final ClientFilter ALL = new ClientFilter(null, null, null, false);

    /** Any team. */
    public ClientFilter(String text, ClientStatus status, boolean onlyMine) {
        this(text, null, status, onlyMine);
    }

    public static ClientFilter text(String text) {
        return new ClientFilter(text, null, null, false);
    }

    public ClientFilter withTeam(Long value) {
        return new ClientFilter(text, value, status, onlyMine);
    }
}
