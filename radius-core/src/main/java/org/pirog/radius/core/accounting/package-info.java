/**
 * Accounting records as backends see them: status type, Acct-Unique-Session-Id, 64-bit counters.
 */
@NullMarked
package org.pirog.radius.core.accounting;

import org.jspecify.annotations.NullMarked;
