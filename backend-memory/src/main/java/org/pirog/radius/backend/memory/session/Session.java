package org.pirog.radius.backend.memory.session;

import java.net.InetAddress;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An open session, as accounting reported it.
 *
 * @param uniqueId   its Acct-Unique-Session-Id
 * @param userName   User-Name
 * @param nasIp      NAS-IP-Address (else the source address)
 * @param framedIp   Framed-IP-Address, or null
 * @param started    when it was opened (its Start, or the first Interim-Update seen)
 * @param updated    when its last record arrived
 */
public record Session(String uniqueId, String userName, InetAddress nasIp, @Nullable InetAddress framedIp,
        Instant started, Instant updated) {
    public Session {
        Objects.requireNonNull(uniqueId, "uniqueId");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(nasIp, "nasIp");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(updated, "updated");
    }

    /** The same session, updated by a later record. */
    public Session refreshed(Instant when, @Nullable InetAddress address) {
        return new Session(uniqueId, userName, nasIp, address != null ? address : framedIp, started, when);
    }
}
