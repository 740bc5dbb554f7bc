/**
 * FreeRADIUS check and reply items: operators, check-item matching, reply merging, {@code %{…}} expansions and the
 * login checks (Expiration, Login-Time, Simultaneous-Use), shared by the {@code users} file and the SQL backends so
 * that both follow FreeRADIUS 3.2's rules. Nothing here knows a file format.
 */
@NullMarked
package org.pirog.radius.core.policy;

import org.jspecify.annotations.NullMarked;
