package org.parcours.contracts;

/** What leads toward a judicial support measure (level 3, MAJ): DOMAIN §3. */
public enum EscalationTrigger {
    /** The person refuses the contract. */
    REFUSAL,
    /** The clauses of the contract are not kept. */
    BREACH,
    /** Rent and charges unpaid for at least the policy's number of consecutive months (counted from recorded payments). */
    UNPAID_RENT
}
