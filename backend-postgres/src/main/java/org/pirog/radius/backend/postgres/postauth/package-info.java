/**
 * radpostauth, FreeRADIUS's log of every Access-Accept and Access-Reject, written in batches off the request path.
 */
@NullMarked
package org.pirog.radius.backend.postgres.postauth;

import org.jspecify.annotations.NullMarked;
