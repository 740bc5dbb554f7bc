package org.pirog.radius.core.backend;

/**
 * The account's standing, which billing backends derive from blocks and the balance. The server rejects a
 * disabled account; for the other states the backend's reply items already say what the session may do
 * (a financially blocked subscriber may be let in to a payment portal only).
 */
public enum AccountState {
    ACTIVE,
    /** Blocked by the operator: Login incorrect. */
    DISABLED,
    /** No money left: the backend's reply restricts the session (or it rejects with Auth-Type := Reject). */
    FINANCIALLY_BLOCKED
}
