/**
 * FreeRADIUS users files (rlm_files format): reading them with every error at once, and matching their
 * entries as rlm_files does.
 */
@NullMarked
package org.pirog.radius.backend.memory.users;

import org.jspecify.annotations.NullMarked;
