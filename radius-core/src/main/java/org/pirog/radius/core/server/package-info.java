/**
 * The Netty UDP server: listeners, the request pipeline, duplicate detection and replies.
 */
@NullMarked
package org.pirog.radius.core.server;

import org.jspecify.annotations.NullMarked;
