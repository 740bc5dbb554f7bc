/**
 * The {@code radiusd} command: FreeRADIUS's flags, Pirog's optional main configuration file, the choice of
 * backend by name, logging, and a clean stop on SIGTERM.
 */
@NullMarked
package org.pirog.radius.core.radiusd;

import org.jspecify.annotations.NullMarked;
