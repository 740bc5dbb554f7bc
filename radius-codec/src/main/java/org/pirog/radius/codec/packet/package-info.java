/**
 * RADIUS packets (RFC 2865, 2866, 5176, 5997, 6929): the immutable {@link org.pirog.radius.codec.packet.RadiusPacket},
 * its builder, and the transport-free decoder and encoder that UDP, TCP and TLS adapters share.
 */
@NullMarked
package org.pirog.radius.codec.packet;

import org.jspecify.annotations.NullMarked;
