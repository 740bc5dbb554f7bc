/**
 * Open sessions as accounting reports them, counted per account for Simultaneous-Use.
 */
@NullMarked
package org.pirog.radius.backend.memory.session;

import org.jspecify.annotations.NullMarked;
