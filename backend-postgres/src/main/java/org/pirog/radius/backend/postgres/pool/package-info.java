/**
 * IP pools on FreeRADIUS's radippool table with sqlippool's semantics: sticky re-allocation, the oldest expired
 * lease otherwise, rows taken with {@code FOR UPDATE SKIP LOCKED} so that several servers share one database.
 */
@NullMarked
package org.pirog.radius.backend.postgres.pool;

import org.jspecify.annotations.NullMarked;
