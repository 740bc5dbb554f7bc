package org.pirog.radius.core.backend;

import java.util.List;

/**
 * What {@code radiusd -C} learns from a backend's configuration without starting the backend for service.
 *
 * @param definesClients whether the backend is a source of clients (so an empty clients.conf is no error)
 * @param notes          what the operator should know, one line each (what start-up will do, say)
 */
public record BackendCheck(boolean definesClients, List<String> notes) {
    public BackendCheck {
        notes = List.copyOf(notes);
    }
}
