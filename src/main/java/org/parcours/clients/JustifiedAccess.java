package org.parcours.clients;

import org.parcours.security.UserContext;

/**
 * A rule, outside the team rule, under which a user may read a client file: a worker's justified,
 * time-limited access to a client of another team (the privacy module's "break glass"). The
 * client module asks it only when the team rule refuses.
 */
public interface JustifiedAccess {

    /** Whether {@code user} holds a running justified access to the client. */
    boolean grants(UserContext user, long clientId);
}
