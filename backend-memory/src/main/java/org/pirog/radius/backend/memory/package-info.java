/**
 * The memory backend: accounts from a FreeRADIUS users file, address pools and sessions in memory,
 * an optional detail file. It knows the backend SPI, never Netty.
 */
@NullMarked
package org.pirog.radius.backend.memory;

import org.jspecify.annotations.NullMarked;
