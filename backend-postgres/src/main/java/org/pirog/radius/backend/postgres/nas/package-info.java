/**
 * RADIUS clients from FreeRADIUS's SQL {@code nas} table, read again whenever a row changes (the backend's
 * {@link org.pirog.radius.core.backend.ClientSource}).
 */
@NullMarked
package org.pirog.radius.backend.postgres.nas;

import org.jspecify.annotations.NullMarked;
