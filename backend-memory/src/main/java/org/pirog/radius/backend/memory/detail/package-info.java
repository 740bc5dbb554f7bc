/**
 * FreeRADIUS-format detail files of accounting records, written by one thread with group commit.
 */
@NullMarked
package org.pirog.radius.backend.memory.detail;

import org.jspecify.annotations.NullMarked;
