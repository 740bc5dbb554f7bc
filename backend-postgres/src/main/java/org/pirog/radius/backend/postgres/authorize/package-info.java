/**
 * rlm_sql's authorize over radcheck, radreply, radusergroup, radgroupcheck and radgroupreply, cached in Caffeine and
 * kept true on every server by the triggers' notifications ({@link TableChanges}).
 */
@NullMarked
package org.pirog.radius.backend.postgres.authorize;

import org.jspecify.annotations.NullMarked;
