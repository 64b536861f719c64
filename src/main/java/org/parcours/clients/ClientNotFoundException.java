package org.parcours.clients;

/**
 * The client does not exist or the user may not see it. Both cases look the same to the user,
 * so ids of other teams' clients cannot be probed.
 */
public class ClientNotFoundException extends RuntimeException {

    public ClientNotFoundException(long clientId) {
        super("Client " + clientId + " not found");
    }
}
