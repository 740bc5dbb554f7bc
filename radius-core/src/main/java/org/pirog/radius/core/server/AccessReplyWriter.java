package org.pirog.radius.core.server;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.pirog.radius.codec.crypto.SharedSecret;
import org.pirog.radius.codec.dictionary.AttributeDefinition;
import org.pirog.radius.codec.dictionary.DataType;
import org.pirog.radius.codec.dictionary.Dictionary;
import org.pirog.radius.codec.dictionary.Encryption;
import org.pirog.radius.codec.packet.RadiusPacket;
import org.pirog.radius.codec.packet.RadiusPacketBuilder;
import org.pirog.radius.codec.value.ValueFormatException;
import org.pirog.radius.codec.value.ValueText;
import org.pirog.radius.core.backend.AccessRequest;
import org.pirog.radius.core.backend.Authorization;
import org.pirog.radius.core.backend.Backend;
import org.pirog.radius.core.backend.BackendException;
import org.pirog.radius.core.backend.Lease;
import org.pirog.radius.core.backend.LeaseRequest;
import org.pirog.radius.core.backend.SessionLimits;
import org.pirog.radius.core.policy.PolicyItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes an Access-Accept's attributes from the account: its reply items (expanded, typed, hidden where the
 * dictionary says so), the session's limits in the NAS's words, and a pool address. Session-Timeout is the
 * smaller of the reply item (which the login checks already capped for Expiration and Login-Time) and the
 * backend's limit.
 */
final class AccessReplyWriter {
    private static final Logger log = LoggerFactory.getLogger(AccessReplyWriter.class);
    /** Reply dates written without a zone: FreeRADIUS reads them in the server's local time (mktime). */
    private static final ZoneId LOCAL_TIME = ZoneId.systemDefault();

    private final AttributeDefinition sessionTimeout;
    private final AttributeDefinition idleTimeout;
    private final AttributeDefinition interimInterval;
    private final AttributeDefinition framedIpAddress;
    private final AttributeDefinition callingStationId;
    private final AttributeDefinition replyMessage;
    private final VolumeLimitAttributes volumeLimits;
    private final RateLimitedLog warnings = new RateLimitedLog(log, TimeUnit.SECONDS.toNanos(10));
    /** Reply items without expansions have the same octets for every request: parse each once. */
    private final Cache<PolicyItem, byte[]> parsed = Caffeine.newBuilder().maximumSize(100_000).build();

    AccessReplyWriter(Dictionary dictionary) {
        sessionTimeout = required(dictionary, "Session-Timeout");
        idleTimeout = required(dictionary, "Idle-Timeout");
        interimInterval = required(dictionary, "Acct-Interim-Interval");
        framedIpAddress = required(dictionary, "Framed-IP-Address");
        callingStationId = required(dictionary, "Calling-Station-Id");
        replyMessage = required(dictionary, "Reply-Message");
        volumeLimits = new VolumeLimitAttributes(dictionary);
    }

    /** Whether {@link #lease} will ask the backend for an address: a Pool-Name, and no fixed Framed-IP-Address. */
    boolean leases(Authorization account) {
        return account.control("Pool-Name") != null && !hasReply(account, framedIpAddress);
    }

    /**
     * Leases an address when the account names a Pool-Name and has no fixed Framed-IP-Address; null otherwise or
     * when the pool is exhausted (the Accept then goes out without an address, as FreeRADIUS's sqlippool does).
     */
    @Nullable Lease lease(AccessRequest request, Authorization account, Backend backend) throws BackendException {
        if (!leases(account)) {
            return null;
        }
        PolicyItem pool = account.control("Pool-Name");
        RadiusPacket packet = request.packet();
        int cli = packet.indexOf(callingStationId);
        Lease lease = backend.allocate(new LeaseRequest(pool.value(), account.userName(), request.nas(),
                cli < 0 ? "" : packet.stringValue(cli), request));
        if (lease == null && warnings.acquire()) {
            log.warn("({}) IP pool \"{}\" has no free address for [{}]: Access-Accept without Framed-IP-Address",
                    request.number(), pool.value(), account.userName());
        }
        return lease;
    }

    void write(RadiusPacketBuilder reply, AccessRequest request, Authorization account, @Nullable Lease lease) {
        SessionLimits limits = account.limits();
        long cap = limits.sessionTimeout();
        boolean wroteSessionTimeout = false;
        for (PolicyItem item : account.reply()) {
            if (item.attribute() == sessionTimeout && cap != SessionLimits.NONE) {
                long value = number(item, request);
                reply.addNumber(sessionTimeout, value < 0 ? cap : Math.min(value, cap));
                wroteSessionTimeout = true;
            } else {
                add(reply, item, request);
            }
        }
        if (!wroteSessionTimeout && cap != SessionLimits.NONE) {
            reply.addNumber(sessionTimeout, cap);
        }
        if (limits.idleTimeout() != SessionLimits.NONE && !hasReply(account, idleTimeout)) {
            reply.addNumber(idleTimeout, limits.idleTimeout());
        }
        if (limits.interimInterval() != SessionLimits.NONE && !hasReply(account, interimInterval)) {
            reply.addNumber(interimInterval, limits.interimInterval());
        }
        if (limits.octetLimit() != SessionLimits.NONE
                && !volumeLimits.add(reply, request.nas().nasType(), limits.octetLimit()) && warnings.acquire()) {
            log.warn("({}) No volume-limit attribute for nas_type {} in the dictionary", request.number(),
                    request.nas().nasType());
        }
        if (lease != null) {
            reply.addAddress(framedIpAddress, lease.address());
        }
    }

    /** An Access-Reject carries only the account's Reply-Message items (FreeRADIUS's attr_filter.access_reject). */
    void writeReject(RadiusPacketBuilder reply, AccessRequest request, @Nullable Authorization account) {
        if (account == null) {
            return;
        }
        for (PolicyItem item : account.reply()) {
            if (item.attribute() == replyMessage) {
                add(reply, item, request);
            }
        }
    }

    private void add(RadiusPacketBuilder reply, PolicyItem item, AccessRequest request) {
        byte[] value = value(item, request);
        if (value == null) {
            return;
        }
        AttributeDefinition definition = item.attribute();
        SharedSecret secret = request.nas().secret();
        if (definition.encryption() != Encryption.NONE) {
            reply.addHidden(definition, item.tag(), value, secret);
        } else if (item.tag() != PolicyItem.NO_TAG && definition.hasTag()) {
            reply.add(definition, item.tag(), value);
        } else {
            reply.add(definition, value);
        }
    }

    private byte @Nullable [] value(PolicyItem item, AccessRequest request) {
        // Text is cheap to encode and often differs per request (expansions): only typed values are cached.
        boolean cacheable = item.attribute().type() != DataType.STRING && item.attribute().type() != DataType.OCTETS;
        if (cacheable) {
            byte[] cached = parsed.getIfPresent(item);
            if (cached != null) {
                return cached;
            }
        }
        try {
            byte[] value = ValueText.parse(item.attribute(), item.value(), LOCAL_TIME);
            if (cacheable) {
                parsed.put(item, value);
            }
            return value;
        } catch (ValueFormatException e) {
            if (warnings.acquire()) {
                log.warn("({}) Reply item {} for [{}] left out: {}", request.number(), item.attribute().name(),
                        request.userName(), e.getMessage());
            }
            return null;
        }
    }

    private long number(PolicyItem item, AccessRequest request) {
        byte[] value = value(item, request);
        if (value == null || value.length != 4) {
            return -1;
        }
        return ((value[0] & 0xffL) << 24) | ((value[1] & 0xffL) << 16) | ((value[2] & 0xffL) << 8) | (value[3] & 0xffL);
    }

    private static boolean hasReply(Authorization account, AttributeDefinition definition) {
        for (PolicyItem item : account.reply()) {
            if (item.attribute() == definition) {
                return true;
            }
        }
        return false;
    }

    private static AttributeDefinition required(Dictionary dictionary, String name) {
        AttributeDefinition definition = dictionary.attribute(name);
        if (definition == null) {
            throw new IllegalArgumentException("the dictionary does not define " + name);
        }
        return definition;
    }
}
