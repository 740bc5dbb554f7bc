/**
 * Attribute values as text, both ways, as FreeRADIUS users files, SQL {@code radreply} rows and radclient input
 * write them and as {@code radiusd -X} prints them: {@link org.pirog.radius.codec.value.ValueText}.
 */
@NullMarked
package org.pirog.radius.codec.value;

import org.jspecify.annotations.NullMarked;
