package org.pirog.radius.core.server;

import org.pirog.radius.codec.dictionary.AttributeDefinition;
import org.pirog.radius.codec.dictionary.Dictionary;
import org.pirog.radius.codec.packet.RadiusPacket;
import org.pirog.radius.core.backend.AccessRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The authentication log lines FreeRADIUS writes, word for word, so that fail2ban rules and log viewers keep
 * working: {@code Auth: (N) Login OK: [user] (from client NAME port N cli ID)} and
 * {@code Auth: (N) Login incorrect (REASON): [user] (from client NAME port N cli ID)}. Logged to the
 * {@code org.pirog.radius.auth} logger; passwords are never logged.
 */
final class AuthLog {
    private static final Logger log = LoggerFactory.getLogger("org.pirog.radius.auth");

    private final AttributeDefinition nasPort;
    private final AttributeDefinition callingStationId;
    private final boolean enabled;

    AuthLog(Dictionary dictionary, boolean enabled) {
        this.enabled = enabled;
        this.nasPort = dictionary.attribute("NAS-Port");
        this.callingStationId = dictionary.attribute("Calling-Station-Id");
    }

    void loginOk(AccessRequest request) {
        if (enabled && log.isInfoEnabled()) {
            log.info("Auth: ({}) Login OK: [{}] {}", request.number(), printable(request.userName()), from(request));
        }
    }

    void loginIncorrect(AccessRequest request, String reason) {
        if (enabled && log.isInfoEnabled()) {
            if (reason.isEmpty()) {
                // Auth-Type := Reject: FreeRADIUS gives no reason.
                log.info("Auth: ({}) Login incorrect: [{}] {}", request.number(), printable(request.userName()),
                        from(request));
            } else {
                log.info("Auth: ({}) Login incorrect ({}): [{}] {}", request.number(), reason,
                        printable(request.userName()), from(request));
            }
        }
    }

    private String from(AccessRequest request) {
        RadiusPacket packet = request.packet();
        int port = packet.indexOf(nasPort);
        StringBuilder text = new StringBuilder(64).append("(from client ").append(request.nas().name())
                .append(" port ").append(port >= 0 && packet.valueLength(port) == 4 ? packet.longValue(port) : 0);
        int cli = packet.indexOf(callingStationId);
        if (cli >= 0) {
            text.append(" cli ").append(printable(packet.stringValue(cli)));
        }
        return text.append(')').toString();
    }

    /** A user name is attacker-controlled: keep control characters out of the log line. */
    private static String printable(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < 0x20 || text.charAt(i) == 0x7f) {
                StringBuilder out = new StringBuilder(text.length() + 8);
                for (int k = 0; k < text.length(); k++) {
                    char c = text.charAt(k);
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\%03o", (int) c));
                    } else {
                        out.append(c);
                    }
                }
                return out.toString();
            }
        }
        return text;
    }
}
