package org.pirog.radius.backend.postgres;

/** The database's schema is not one Pirog can migrate or adopt, or the migration failed. */
public final class SchemaException extends Exception {
    public SchemaException(String message) {
        super(message);
    }

    public SchemaException(String message, Throwable cause) {
        super(message, cause);
    }
}
