/**
 * Accounting into radacct with FreeRADIUS 3.2's default PostgreSQL query semantics, written by group commit (many
 * Accounting-Requests per transaction, each answered only after its commit), and the closing of stale sessions.
 */
@NullMarked
package org.pirog.radius.backend.postgres.accounting;

import org.jspecify.annotations.NullMarked;
