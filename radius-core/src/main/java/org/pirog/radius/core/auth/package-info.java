/**
 * Authentication: PAP, CHAP, MS-CHAPv1 and MS-CHAPv2 against the password forms an account stores.
 */
@NullMarked
package org.pirog.radius.core.auth;

import org.jspecify.annotations.NullMarked;
