package org.pirog.radius.backend.memory.users;

/** A line of a {@code users} file is not what the format allows; the reader adds file and line. */
final class UsersSyntaxException extends Exception {
    UsersSyntaxException(String message) {
        super(message, null, false, false);
    }
}
