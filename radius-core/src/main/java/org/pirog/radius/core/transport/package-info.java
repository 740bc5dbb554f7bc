/**
 * UDP transport shared by the server, the client and the load tools: epoll where the native library loads (for
 * recvmmsg/sendmmsg), NIO elsewhere, with the receive settings that make recvmmsg actually batch.
 */
@NullMarked
package org.pirog.radius.core.transport;

import org.jspecify.annotations.NullMarked;
