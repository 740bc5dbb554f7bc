package org.pirog.radius.core.server;

import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.pirog.radius.codec.dictionary.Dictionary;
import org.pirog.radius.codec.packet.PacketCode;
import org.pirog.radius.codec.packet.RadiusPacketBuilder;
import org.pirog.radius.core.auth.AuthResult;
import org.pirog.radius.core.auth.Authenticator;
import org.pirog.radius.core.backend.AccessRequest;
import org.pirog.radius.core.backend.AccountState;
import org.pirog.radius.core.backend.Authorization;
import org.pirog.radius.core.backend.Backend;
import org.pirog.radius.core.backend.BackendException;
import org.pirog.radius.core.backend.Lease;
import org.pirog.radius.core.backend.Threading;
import org.pirog.radius.core.policy.LoginChecks;
import org.pirog.radius.core.policy.LoginDecision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Access-Request, as FreeRADIUS's default virtual server runs it with the {@code files} module: authorize (the
 * backend finds the account and applies its check items), authenticate (the method the request's attributes
 * name, against the stored password), the login checks every backend shares (Expiration, Login-Time,
 * Simultaneous-Use), an address from a pool, then the reply. A backend failure sends nothing: the NAS retries.
 */
final class AccessProcessor {
    private static final Logger log = LoggerFactory.getLogger(AccessProcessor.class);
    private static final String NOT_FOUND = "No Auth-Type found: rejecting the user via Post-Auth-Type = Reject";

    private final Backend backend;
    private final boolean blockingBackend;
    private final ServerCounters counters;
    private final Authenticator authenticator;
    private final LoginChecks loginChecks;
    private final AccessReplyWriter replyWriter;
    private final AuthLog authLog;
    private final RateLimitedLog failureLog = new RateLimitedLog(log, TimeUnit.SECONDS.toNanos(5));
    private final org.pirog.radius.codec.dictionary.AttributeDefinition proxyState;

    AccessProcessor(Dictionary dictionary, Backend backend, ServerSettings settings, ServerCounters counters) {
        this.backend = backend;
        this.blockingBackend = backend.threading() == Threading.BLOCKING;
        this.counters = counters;
        this.authenticator = new Authenticator(dictionary);
        // Login-Time and dates without a zone are the server's local time, as in FreeRADIUS.
        this.loginChecks = new LoginChecks(dictionary, java.time.Clock.systemDefaultZone());
        this.replyWriter = new AccessReplyWriter(dictionary);
        this.authLog = new AuthLog(dictionary, settings.logAuth());
        this.proxyState = dictionary.attribute("Proxy-State");
    }

    Outcome process(RequestTask task, boolean onEventLoop) {
        AccessRequest request = new AccessRequest(task.packet(), task.nas(), task.sender(), task.received(),
                task.number());
        try {
            return decide(request, onEventLoop);
        } catch (BackendException e) {
            counters.backendFailures.increment();
            if (failureLog.acquire()) {
                log.warn("({}) No reply to [{}] from client {}: the backend failed: {} ({} more)", task.number(),
                        request.userName(), task.nas().name(), e.getMessage(), failureLog.takeSuppressed());
            }
            return Outcome.NO_REPLY;
        }
    }

    private Outcome decide(AccessRequest request, boolean onEventLoop) throws BackendException {
        boolean memoryOnly = onEventLoop && blockingBackend;
        Authorization account = memoryOnly ? backend.authorizeFromMemory(request) : backend.authorize(request);
        if (account == Backend.NOT_IN_MEMORY) {
            return Outcome.OFFLOAD;
        }
        if (account == null) {
            return reject(request, NOT_FOUND, null, null);
        }
        if (account.state() == AccountState.DISABLED) {
            return reject(request, "Account disabled", account, null);
        }
        // FreeRADIUS's order: expiration and logintime in authorize, then authenticate, then the session check.
        LoginDecision times = loginChecks.authorize(account);
        if (!times.accepted()) {
            return reject(request, times.reason(), times.authorization(), null);
        }
        if (onEventLoop && authenticator.runsSlowHash(request.packet(), account.control())) {
            // bcrypt, SHA-crypt and PBKDF2 take milliseconds or more: never on a loop that serves everyone.
            return Outcome.OFFLOAD;
        }
        if (memoryOnly && (loginChecks.countsSessions(times.authorization())
                || replyWriter.leases(times.authorization()))) {
            // The session count and the lease are the backend's I/O: the whole decision moves to a virtual thread.
            return Outcome.OFFLOAD;
        }
        AuthResult auth = authenticator.authenticate(request.packet(), request.nas().secret(), account.control());
        if (!auth.accepted()) {
            return reject(request, auth.reason(), times.authorization(), auth);
        }
        LoginDecision sessions = loginChecks.simultaneousUse(times.authorization(), backend);
        if (!sessions.accepted()) {
            return reject(request, sessions.reason(), sessions.authorization(), auth);
        }
        return accept(request, sessions.authorization(), auth);
    }

    private Outcome accept(AccessRequest request, Authorization account, AuthResult auth) throws BackendException {
        Lease lease = replyWriter.lease(request, account, backend);
        byte[] datagram;
        try {
            RadiusPacketBuilder reply = Replies.start(request.packet(), PacketCode.ACCESS_ACCEPT);
            auth.addReplyAttributes(reply, request.nas().secret());
            replyWriter.write(reply, request, account, lease);
            datagram = Replies.finish(request.packet(), reply, proxyState, request.nas());
        } catch (RuntimeException e) {
            if (lease != null) {
                backend.release(lease);
            }
            throw e;
        }
        counters.accessAccepts.increment();
        authLog.loginOk(request);
        postAuth(request, true);
        return Outcome.reply(datagram);
    }

    private Outcome reject(AccessRequest request, String reason, @Nullable Authorization account,
            @Nullable AuthResult auth) {
        RadiusPacketBuilder reply = Replies.start(request.packet(), PacketCode.ACCESS_REJECT);
        replyWriter.writeReject(reply, request, account);
        if (auth != null) {
            auth.addReplyAttributes(reply, request.nas().secret());
        }
        counters.accessRejects.increment();
        authLog.loginIncorrect(request, reason);
        postAuth(request, false);
        return Outcome.delayedReply(Replies.finish(request.packet(), reply, proxyState, request.nas()));
    }

    private void postAuth(AccessRequest request, boolean accepted) {
        try {
            backend.postAuth(request, accepted);
        } catch (BackendException e) {
            // Post-auth records are a log, not a decision: the reply still goes out.
            if (failureLog.acquire()) {
                log.warn("({}) Post-auth record for [{}] not stored: {}", request.number(), request.userName(),
                        e.getMessage());
            }
        }
    }
}
