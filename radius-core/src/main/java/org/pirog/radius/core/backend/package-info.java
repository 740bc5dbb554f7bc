/**
 * The backend SPI: what the server asks of an account store (authorize, accounting, address pools, sessions).
 * Backends implement it without knowing Netty; the server decides on which thread each call runs.
 */
@NullMarked
package org.pirog.radius.core.backend;

import org.jspecify.annotations.NullMarked;
