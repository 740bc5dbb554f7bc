/**
 * FreeRADIUS-syntax configuration files (`clients.conf`, Pirog's main file): sections, items, includes, and
 * errors that name the file and line.
 */
@NullMarked
package org.pirog.radius.core.config;

import org.jspecify.annotations.NullMarked;
