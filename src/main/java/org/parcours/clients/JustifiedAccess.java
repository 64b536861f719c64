package org.parcours.clients;

import java.time.Instant;
import java.util.List;

import org.parcours.security.UserContext;

/**
 * A rule, outside the team rule, under which a user may read a client file: a worker's justified,
 * time-limited access to a client of another team (the privacy module's "break glass"). The
 * client module asks it only when the team rule refuses.
 */
public interface JustifiedAccess {

    /** One justified access to a client file, as shown to the workers of the client's team. */
    record Grant(String username, String reason, Instant grantedAt, Instant expiresAt) {
    }

    /** Whether {@code user} holds a running justified access to the client. */
    boolean grants(UserContext user, long clientId);

    /** The justified accesses to the client opened in the last {@code days}, newest first; no access check here. */
    List<Grant> grantsOn(long clientId, int days);
}
