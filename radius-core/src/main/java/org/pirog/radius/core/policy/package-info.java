/**
 * FreeRADIUS check and reply items: operators, item lists, check-item matching and reply merging, shared by
 * the `users` file and the SQL backends so that both follow the same rules.
 */
@NullMarked
package org.pirog.radius.core.policy;

import org.jspecify.annotations.NullMarked;
