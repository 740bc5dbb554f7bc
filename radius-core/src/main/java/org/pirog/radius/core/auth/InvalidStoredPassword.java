package org.pirog.radius.core.auth;

/**
 * A stored password that cannot be used: wrong length, unknown PBKDF2 digest, broken encoding. The message is the
 * reason rlm_pap gives, without the {@code "pap: "} prefix, and never contains the stored value.
 */
final class InvalidStoredPassword extends Exception {

    InvalidStoredPassword(String reason) {
        super(reason, null, false, false);
    }
}
