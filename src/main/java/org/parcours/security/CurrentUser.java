package org.parcours.security;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The signed-in user of the current request, as a {@link UserContext}. Read from the database
 * (so a disabled account or a changed role takes effect at the next action), once per
 * transaction: a save that checks the user, then the client, then writes, reads the account once.
 */
@Component
public class CurrentUser {

    private final UserAccounts accounts;

    CurrentUser(UserAccounts accounts) {
        this.accounts = accounts;
    }

    /** @throws AccessDeniedException when nobody is signed in, or the account was disabled since */
    public UserContext require() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            throw new AccessDeniedException("Not signed in");
        }
        String username = authentication.getName();
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return accounts.activeContext(username);
        }
        if (TransactionSynchronizationManager.getResource(this) instanceof UserContext cached && cached.username().equals(username)) {
            return cached;
        }
        UserContext user = accounts.activeContext(username);
        if (TransactionSynchronizationManager.hasResource(this)) {
            TransactionSynchronizationManager.unbindResource(this);
        } else {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(CurrentUser.this);
                }
            });
        }
        TransactionSynchronizationManager.bindResource(this, user);
        return user;
    }
}
