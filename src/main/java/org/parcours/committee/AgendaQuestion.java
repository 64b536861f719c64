package org.parcours.committee;

/** What the committee is asked about a client; {@link #OTHER} relies on the free text. */
public enum AgendaQuestion {
    /** Grant the status "social activation only" (DOMAIN §1 R3/R5). */
    SOCIAL_ONLY,
    /** Renew the client's contract (DOMAIN §3). */
    CONTRACT_RENEWAL,
    /** A request for financial or material aid. */
    AID_REQUEST,
    OTHER,
    /** Ask for a judicial support measure (MASP level 3, DOMAIN §3): refusal, breach or unpaid rent; see contracts. */
    JUDICIAL_MEASURE
}
