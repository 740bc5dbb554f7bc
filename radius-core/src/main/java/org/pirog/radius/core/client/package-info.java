/**
 * The embeddable RADIUS client over UDP: Identifier allocation, RFC 5080 retransmission and verified reply
 * matching, shared by the CoA sender, the tests and the load tools.
 */
@NullMarked
package org.pirog.radius.core.client;

import org.jspecify.annotations.NullMarked;
