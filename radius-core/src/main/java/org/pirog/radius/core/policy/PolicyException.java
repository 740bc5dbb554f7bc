package org.pirog.radius.core.policy;

/**
 * A check or reply item is wrong: a value its attribute's type cannot hold, a broken {@code %{…}} expansion, a
 * regular expression that does not compile. The message says what is wrong; the caller, who knows the file and
 * line (or the SQL row), adds them. It has no stack trace: the message is the whole story.
 */
public final class PolicyException extends Exception {
    public PolicyException(String message) {
        super(message, null, false, false);
    }
}
