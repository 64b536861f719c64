package org.parcours.security;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The principal of a signed-in session: Spring Security's user with the account's id and the
 * security stamp it had at sign-in, which {@link SessionStampFilter} compares on every request.
 */
final class SignedInAccount extends User {

    private static final long serialVersionUID = 1L;

    private final long id;
    private final long stamp;

    SignedInAccount(long id, long stamp, String username, String password, boolean enabled,
                    Collection<? extends GrantedAuthority> authorities) {
        super(username, password, enabled, true, true, true, authorities);
        this.id = id;
        this.stamp = stamp;
    }

    long id() {
        return id;
    }

    long stamp() {
        return stamp;
    }

    // User's equality is by user name; two sessions of one user with different stamps stay equal, which is what
    // Spring Security's session bookkeeping expects
    @Override
    public boolean equals(Object other) {
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
