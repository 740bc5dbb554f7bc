/**
 * Authentication: PAP, CHAP, MS-CHAPv1 and MS-CHAPv2 against the password forms an account stores, as FreeRADIUS
 * 3.2's rlm_pap, rlm_chap and rlm_mschap do. {@link org.pirog.radius.core.auth.Authenticator} checks an
 * Access-Request against the control items; its {@link org.pirog.radius.core.auth.AuthResult} says accept or
 * reject, why (in FreeRADIUS's words) and what the reply carries (MS-CHAP2-Success, MPPE keys, MS-CHAP-Error).
 */
@NullMarked
package org.pirog.radius.core.auth;

import org.jspecify.annotations.NullMarked;
