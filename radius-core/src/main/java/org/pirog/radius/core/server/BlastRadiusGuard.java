package org.pirog.radius.core.server;

import java.util.IdentityHashMap;
import java.util.Map;
import org.pirog.radius.core.nas.BlastRadiusMode;
import org.pirog.radius.core.nas.Nas;
import org.pirog.radius.core.nas.NasTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CVE-2024-3596 (BlastRADIUS) rules for Access-Requests that carry no Message-Authenticator, with FreeRADIUS
 * 3.2.5 semantics. {@code require_message_authenticator = auto} decides on a host client's first packet: one
 * with a Message-Authenticator makes it required from then on; one without leaves it optional and says so once,
 * loudly. {@code limit_proxy_state = auto} decides the same way: a first packet without Proxy-State means the
 * client is a NAS, and from then on a Proxy-State without Message-Authenticator (the attack's signature) is
 * dropped. A network (CIDR) client is many devices, so {@code auto} never learns from one of them: it neither
 * requires a Message-Authenticator nor accepts Proxy-State without one.
 *
 * <p>The decision per client is a benign race: two first packets on two event loops decide the same way.
 */
final class BlastRadiusGuard {
    private static final Logger log = LoggerFactory.getLogger(BlastRadiusGuard.class);

    private final Map<Nas, ClientState> states = new IdentityHashMap<>();

    BlastRadiusGuard(NasTable clients) {
        for (Nas nas : clients.clients()) {
            states.put(nas, new ClientState(nas));
        }
    }

    /**
     * Whether an Access-Request without a Message-Authenticator may be processed. (A request with a valid one
     * always may; an invalid one never; EAP-Message and Status-Server always need one.)
     */
    boolean admitsWithoutMessageAuthenticator(Nas nas, boolean hasProxyState) {
        ClientState state = states.get(nas);
        if (state == null) {
            state = new ClientState(nas);
        }
        if (state.requiresMessageAuthenticator(false)) {
            return false;
        }
        boolean limited = state.limitsProxyState(hasProxyState);
        return !(hasProxyState && limited);
    }

    /** Records that a client sent a valid Message-Authenticator: under {@code auto} it is now required. */
    void sawMessageAuthenticator(Nas nas, boolean hasProxyState) {
        ClientState state = states.get(nas);
        if (state != null) {
            state.requiresMessageAuthenticator(true);
            state.limitsProxyState(hasProxyState);
        }
    }

    private static final class ClientState {
        private final Nas nas;
        private volatile BlastRadiusMode requireMa;
        private volatile BlastRadiusMode limitProxyState;

        ClientState(Nas nas) {
            this.nas = nas;
            boolean network = !nas.network().isHost();
            this.requireMa = network && nas.requireMessageAuthenticator() == BlastRadiusMode.AUTO
                    ? BlastRadiusMode.NO : nas.requireMessageAuthenticator();
            this.limitProxyState = network && nas.limitProxyState() == BlastRadiusMode.AUTO
                    ? BlastRadiusMode.YES : nas.limitProxyState();
        }

        boolean requiresMessageAuthenticator(boolean present) {
            BlastRadiusMode mode = requireMa;
            if (mode == BlastRadiusMode.AUTO) {
                mode = present ? BlastRadiusMode.YES : BlastRadiusMode.NO;
                requireMa = mode;
                if (present) {
                    log.info("BlastRADIUS: {} sends Message-Authenticator; setting require_message_authenticator = yes"
                            + " for it", nas);
                } else {
                    log.warn("""
                            BlastRADIUS (CVE-2024-3596): {} sent an Access-Request without Message-Authenticator. \
                            Setting require_message_authenticator = no for it: its requests are open to forgery. \
                            Upgrade the NAS or configure it to send Message-Authenticator, then set \
                            require_message_authenticator = yes for this client.""", nas);
                }
            }
            return mode == BlastRadiusMode.YES;
        }

        boolean limitsProxyState(boolean hasProxyState) {
            BlastRadiusMode mode = limitProxyState;
            if (mode == BlastRadiusMode.AUTO) {
                mode = hasProxyState ? BlastRadiusMode.NO : BlastRadiusMode.YES;
                limitProxyState = mode;
                if (hasProxyState) {
                    log.warn("BlastRADIUS (CVE-2024-3596): the first packet from {} carries Proxy-State, so it is "
                            + "treated as a proxy: setting limit_proxy_state = no for it", nas);
                } else {
                    log.info("BlastRADIUS: setting limit_proxy_state = yes for {}", nas);
                }
            }
            return mode == BlastRadiusMode.YES;
        }
    }
}
