package org.parcours.clients;

import org.springframework.security.access.AccessDeniedException;

/**
 * The user reads the client file through a justified access outside their team (docs/privacy.md)
 * and tried to change its data: such an access reads, it does not change.
 */
public class ReadOnlyAccessException extends AccessDeniedException {

    public ReadOnlyAccessException(long clientId) {
        super("Client " + clientId + " is open through a justified access, which reads the file but does not change it");
    }
}
