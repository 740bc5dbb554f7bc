package org.pirog.radius.core.auth;

/**
 * How an Access-Request was authenticated: the protocol its attributes carry, or the control list's verdict.
 * FreeRADIUS calls this the request's Auth-Type.
 */
public enum AuthMethod {
    /** User-Password against a known good password (RFC 2865 §5.2). */
    PAP,
    /** CHAP-Password against a cleartext password (RFC 2865 §5.3, RFC 1994). */
    CHAP,
    /** MS-CHAP-Challenge and MS-CHAP-Response (RFC 2433, RFC 2548). */
    MSCHAP,
    /** MS-CHAP-Challenge and MS-CHAP2-Response (RFC 2759, RFC 2548). */
    MSCHAPV2,
    /** {@code Auth-Type := Accept}: accepted without looking at any password. */
    ACCEPT,
    /** No method ran: {@code Auth-Type := Reject}, EAP, or a request without credentials. */
    NONE
}
