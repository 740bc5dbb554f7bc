/**
 * RADIUS dictionaries: attribute, vendor and value definitions read from FreeRADIUS 3.x dictionary files.
 * The codec resolves wire attributes through {@link org.pirog.radius.codec.dictionary.Dictionary} without allocating.
 */
@NullMarked
package org.pirog.radius.codec.dictionary;

import org.jspecify.annotations.NullMarked;
