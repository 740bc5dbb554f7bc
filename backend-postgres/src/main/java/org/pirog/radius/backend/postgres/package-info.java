/**
 * The {@code postgres} backend: FreeRADIUS's rlm_sql PostgreSQL schema (created or adopted with Flyway), authorize
 * and accounting with rlm_sql's semantics, and radippool leases, every query through jOOQ over HikariCP.
 */
@NullMarked
package org.pirog.radius.backend.postgres;

import org.jspecify.annotations.NullMarked;
