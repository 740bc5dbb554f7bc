package org.pirog.radius.core.accounting;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.pirog.radius.codec.crypto.Md5;
import org.pirog.radius.codec.dictionary.AttributeDefinition;
import org.pirog.radius.codec.dictionary.Dictionary;
import org.pirog.radius.codec.packet.RadiusPacket;
import org.pirog.radius.core.policy.AttributeText;

/**
 * Acct-Unique-Session-Id as FreeRADIUS's default {@code acct_unique} policy computes it: the hex MD5 of
 * {@code User-Name,Acct-Session-Id,NAS-IP-Address,NAS-Identifier,NAS-Port-Id,NAS-Port} with absent attributes
 * empty, so that rows written by FreeRADIUS and by Pirog for the same session agree.
 */
public final class AcctUniqueSessionId {
    private static final String[] PARTS = {
        "User-Name", "Acct-Session-Id", "NAS-IP-Address", "NAS-Identifier", "NAS-Port-Id", "NAS-Port"
    };
    private static final int NAS_IP_ADDRESS = 2;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private AcctUniqueSessionId() {
    }

    /** The id of the session the request belongs to, for a request that carries its NAS-IP-Address. */
    public static String of(RadiusPacket request) {
        return of(request, null);
    }

    /**
     * The id of the session the request belongs to. A request without NAS-IP-Address counts as if it carried
     * {@code source}, as FreeRADIUS's preprocess module adds it before acct_unique runs.
     */
    public static String of(RadiusPacket request, java.net.@org.jspecify.annotations.Nullable InetAddress source) {
        Dictionary dictionary = request.dictionary();
        StringBuilder text = new StringBuilder(96);
        for (int p = 0; p < PARTS.length; p++) {
            if (p > 0) {
                text.append(',');
            }
            AttributeDefinition definition = dictionary.attribute(PARTS[p]);
            int i = definition == null ? -1 : request.indexOf(definition);
            if (i >= 0) {
                AttributeText.append(request, i, text);
            } else if (p == NAS_IP_ADDRESS && source != null) {
                text.append(source.getHostAddress());
            }
        }
        return hexMd5(text.toString());
    }

    /** The hex MD5 of the given parts joined by commas (the policy's input); for tests and for other callers. */
    public static String of(String userName, String acctSessionId, String nasIpAddress, String nasIdentifier,
            String nasPortId, String nasPort) {
        return hexMd5(String.join(",", userName, acctSessionId, nasIpAddress, nasIdentifier, nasPortId, nasPort));
    }

    private static String hexMd5(String text) {
        MessageDigest md5 = Md5.perThread();
        byte[] digest = md5.digest(text.getBytes(StandardCharsets.UTF_8));
        char[] hex = new char[32];
        for (int i = 0; i < 16; i++) {
            hex[2 * i] = HEX[(digest[i] >>> 4) & 0xf];
            hex[2 * i + 1] = HEX[digest[i] & 0xf];
        }
        return new String(hex);
    }
}
