package org.parcours.security;

/** What an API token may do: READ only reads (GET, HEAD, OPTIONS); WRITE may also submit. */
public enum ApiTokenScope {
    READ, WRITE
}
