package org.pirog.radius.core.auth;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Password-With-Header: a stored password whose {@code {scheme}} prefix names its form, as LDAP directories
 * store {@code userPassword}. Decoded the way rlm_pap 3.2 converts it into another control attribute:
 * <ul>
 * <li>the header runs from the start to the first {@code '}'} and is matched without regard to case;
 * <li>an unknown header, or none, makes the whole value a Cleartext-Password;
 * <li>a value without {@code '}'} that is base64 of a value starting with a header is decoded first;
 * <li>what follows the header is decoded as that form's attribute would be, hex or base64 included.
 * </ul>
 * Headers: {@code {clear} {cleartext} {crypt} {md5} {base64_md5} {smd5} {sha} {ssha} {sha2} {sha224} {sha256}
 * {sha384} {sha512} {ssha224} {ssha256} {ssha384} {ssha512} {x-pbkdf2} {nt} {nthash} {x-nthash} {md4}
 * {ns-mta-md5} {x- orcllmv} {x- orclntv}} as in FreeRADIUS 3.2.1, and, as in later FreeRADIUS releases,
 * {@code {ssha3-224} {ssha3-256} {ssha3-384} {ssha3-512} {pbkdf2-sha1} {pbkdf2-sha256} {pbkdf2-sha512}}.
 */
final class PasswordWithHeader {

    private static final Map<String, PasswordForm> HEADERS = Map.ofEntries(
            Map.entry("{clear}", PasswordForm.CLEARTEXT),
            Map.entry("{cleartext}", PasswordForm.CLEARTEXT),
            Map.entry("{crypt}", PasswordForm.CRYPT),
            Map.entry("{md5}", PasswordForm.MD5),
            Map.entry("{base64_md5}", PasswordForm.MD5),
            Map.entry("{smd5}", PasswordForm.SMD5),
            Map.entry("{sha}", PasswordForm.SHA1),
            Map.entry("{ssha}", PasswordForm.SSHA1),
            Map.entry("{sha2}", PasswordForm.SHA2),
            Map.entry("{sha224}", PasswordForm.SHA2),
            Map.entry("{sha256}", PasswordForm.SHA2),
            Map.entry("{sha384}", PasswordForm.SHA2),
            Map.entry("{sha512}", PasswordForm.SHA2),
            Map.entry("{ssha224}", PasswordForm.SSHA2_224),
            Map.entry("{ssha256}", PasswordForm.SSHA2_256),
            Map.entry("{ssha384}", PasswordForm.SSHA2_384),
            Map.entry("{ssha512}", PasswordForm.SSHA2_512),
            Map.entry("{ssha3-224}", PasswordForm.SSHA3_224),
            Map.entry("{ssha3-256}", PasswordForm.SSHA3_256),
            Map.entry("{ssha3-384}", PasswordForm.SSHA3_384),
            Map.entry("{ssha3-512}", PasswordForm.SSHA3_512),
            Map.entry("{x-pbkdf2}", PasswordForm.PBKDF2),
            Map.entry("{pbkdf2-sha1}", PasswordForm.PBKDF2),
            Map.entry("{pbkdf2-sha256}", PasswordForm.PBKDF2),
            Map.entry("{pbkdf2-sha512}", PasswordForm.PBKDF2),
            Map.entry("{md4}", PasswordForm.NT),
            Map.entry("{nt}", PasswordForm.NT),
            Map.entry("{nthash}", PasswordForm.NT),
            Map.entry("{x-nthash}", PasswordForm.NT),
            Map.entry("{x- orclntv}", PasswordForm.NT),
            Map.entry("{x- orcllmv}", PasswordForm.LM),
            Map.entry("{ns-mta-md5}", PasswordForm.NS_MTA_MD5));

    private PasswordWithHeader() {
    }

    /** Decodes a Password-With-Header value into the form its header names. */
    static KnownGoodPassword decode(String value) {
        byte[] octets = value.getBytes(StandardCharsets.UTF_8);
        int close = StoredOctets.indexOf(octets, 0, octets.length, (byte) '}');
        if (close < 0) {
            byte[] decoded = StoredOctets.base64(octets, 0, octets.length, false);
            if (decoded != null && decoded.length > 0 && decoded[0] == '{'
                    && StoredOctets.indexOf(decoded, 0, decoded.length, (byte) '}') >= 0) {
                octets = decoded;
                close = StoredOctets.indexOf(octets, 0, octets.length, (byte) '}');
            }
        }
        if (close < 0) {
            return KnownGoodPassword.cleartext(octets);
        }
        String header = new String(octets, 0, close + 1, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        PasswordForm form = HEADERS.get(header);
        if (form == null) {
            return KnownGoodPassword.cleartext(octets);
        }
        // The PBKDF2 parser reads the header itself: {PBKDF2-SHA256} names the digest.
        byte[] rest = form == PasswordForm.PBKDF2 ? octets : Arrays.copyOfRange(octets, close + 1, octets.length);
        return KnownGoodPassword.decode(form, rest);
    }
}
