/**
 * The RADIUS codec: packets, dictionaries, ciphers and password checks, transport-free.
 * It uses netty-buffer for byte buffers and knows nothing of channels, servers or backends.
 */
@NullMarked
package org.pirog.radius.codec;

import org.jspecify.annotations.NullMarked;
