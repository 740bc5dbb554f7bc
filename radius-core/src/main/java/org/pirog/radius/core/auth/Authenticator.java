package org.pirog.radius.core.auth;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.pirog.radius.codec.crypto.SharedSecret;
import org.pirog.radius.codec.dictionary.AttributeDefinition;
import org.pirog.radius.codec.dictionary.Dictionary;
import org.pirog.radius.codec.packet.RadiusPacket;
import org.pirog.radius.core.policy.PolicyItem;

/**
 * Authenticates an Access-Request against what the account stores, as FreeRADIUS 3.2's default server does with
 * rlm_pap, rlm_chap and rlm_mschap.
 *
 * <p><b>Method.</b> The control list's {@code Auth-Type} decides first: {@code Accept} accepts without a password
 * check, {@code Reject} rejects, {@code PAP}, {@code CHAP} and {@code MS-CHAP} name the method (and reject a
 * request that does not carry it), {@code Local} means no choice. Otherwise the request's attributes decide, in
 * the order of FreeRADIUS's authorize section: CHAP-Password is CHAP; MS-CHAP-Challenge with MS-CHAP-Response or
 * MS-CHAP2-Response is MS-CHAPv1 or v2; EAP-Message is rejected, EAP being not supported yet; User-Password is PAP;
 * anything else is rejected with "No Auth-Type found".
 *
 * <p><b>Stored passwords.</b> PAP checks every {@link PasswordForm form}; CHAP needs a cleartext password;
 * MS-CHAP an NT-Password or a cleartext one (v1 also takes an LM-Password). The control items are read with
 * {@link KnownGoodPasswords}, which decodes each stored value once.
 *
 * <p><b>Cost.</b> Thread-safe. Meant for the event loop: scratch buffers are per thread, rejects are constants,
 * and a PAP or CHAP check against a cleartext or plain hash allocates nothing. crypt(3), bcrypt and PBKDF2 are
 * slow by design; {@link #runsSlowHash} tells the caller to run such a check off the event loop.
 */
public final class Authenticator {
    static final AuthResult NO_AUTH_TYPE = AuthResult.reject(AuthMethod.NONE,
            "No Auth-Type found: rejecting the user via Post-Auth-Type = Reject");
    static final AuthResult EAP_NOT_SUPPORTED = AuthResult.reject(AuthMethod.NONE, "eap: EAP is not supported yet");
    static final AuthResult ACCEPTED_BY_AUTH_TYPE = AuthResult.accept(AuthMethod.ACCEPT);
    /** FreeRADIUS logs {@code Login incorrect: [user]} here, with no reason. */
    static final AuthResult REJECTED_BY_AUTH_TYPE = AuthResult.reject(AuthMethod.NONE, "");
    static final AuthResult PAP_NO_USER_PASSWORD = AuthResult.reject(AuthMethod.PAP,
            "pap: You set 'Auth-Type = PAP' for a request that does not contain a User-Password attribute!");
    static final AuthResult PAP_NO_PASSWORD = AuthResult.reject(AuthMethod.PAP,
            "pap: No password configured for the user.  Cannot do authentication");
    static final AuthResult PAP_EMPTY = AuthResult.reject(AuthMethod.PAP, "pap: Password must not be empty");
    static final AuthResult PAP_MALFORMED = AuthResult.reject(AuthMethod.PAP, "pap: User-Password is malformed");
    static final AuthResult MSCHAP_NO_ATTRIBUTES = AuthResult.reject(AuthMethod.MSCHAP,
            "mschap: You set 'Auth-Type = MS-CHAP' for a request that does not contain any MS-CHAP attributes!");

    private final Dictionary dictionary;
    private final AuthAttributes attributes;
    private final ControlAttributes controlAttributes;
    private final KnownGoodPasswords passwords;
    private final AuthTypes authTypes;

    /** Resolves the attributes authentication uses from {@code dictionary}, which requests must be decoded with. */
    public Authenticator(Dictionary dictionary) {
        this(dictionary, KnownGoodPasswords.DEFAULT_CACHE_SIZE);
    }

    Authenticator(Dictionary dictionary, int cacheSize) {
        this.dictionary = Objects.requireNonNull(dictionary, "dictionary");
        this.attributes = new AuthAttributes(dictionary);
        this.controlAttributes = new ControlAttributes(dictionary);
        this.passwords = new KnownGoodPasswords(controlAttributes, cacheSize);
        this.authTypes = new AuthTypes(dictionary);
    }

    /**
     * Authenticates {@code request} against the account's control items (its stored passwords and Auth-Type).
     *
     * @param request an Access-Request decoded with this authenticator's dictionary, authenticity already checked
     * @param secret  the shared secret of the client it came from, to reveal User-Password
     * @param control the account's control items, in order
     */
    public AuthResult authenticate(RadiusPacket request, SharedSecret secret, List<PolicyItem> control) {
        checkDictionary(request);
        Objects.requireNonNull(secret, "secret");
        PolicyItem authType = authType(control);
        if (authType != null) {
            long type = authTypes.valueOf(authType);
            if (type == authTypes.accept) {
                return ACCEPTED_BY_AUTH_TYPE;
            }
            if (type == authTypes.reject) {
                return REJECTED_BY_AUTH_TYPE;
            }
            if (type == authTypes.pap) {
                int password = request.indexOf(attributes.userPassword);
                return password < 0 ? PAP_NO_USER_PASSWORD : pap(request, password, secret, control, true);
            }
            if (type == authTypes.chap) {
                int chapPassword = indexOf(request, attributes.chapPassword);
                return chapPassword < 0 ? ChapCheck.NO_CHAP_PASSWORD : chap(request, chapPassword, control);
            }
            if (type == authTypes.msChap) {
                AuthResult result = msChap(request, control);
                return result != null ? result : MSCHAP_NO_ATTRIBUTES;
            }
            if (type == authTypes.eap) {
                return EAP_NOT_SUPPORTED;
            }
            if (type != authTypes.local) {
                return AuthResult.reject(AuthMethod.NONE, "Auth-Type = " + authType.value() + " is not supported");
            }
        }
        int chapPassword = indexOf(request, attributes.chapPassword);
        if (chapPassword >= 0) {
            return chap(request, chapPassword, control);
        }
        AuthResult msChap = msChap(request, control);
        if (msChap != null) {
            return msChap;
        }
        if (indexOf(request, attributes.eapMessage) >= 0) {
            return EAP_NOT_SUPPORTED;
        }
        int password = request.indexOf(attributes.userPassword);
        if (password >= 0) {
            return pap(request, password, secret, control, false);
        }
        return NO_AUTH_TYPE;
    }

    /**
     * Whether {@link #authenticate} would check this request with a deliberately slow hash (crypt(3), bcrypt,
     * PBKDF2), which takes milliseconds to a second of CPU: such a request belongs on a worker thread, not the
     * event loop. Cheap: it decodes the stored value (cached) but hashes nothing.
     */
    public boolean runsSlowHash(RadiusPacket request, List<PolicyItem> control) {
        checkDictionary(request);
        if (!request.contains(attributes.userPassword) || indexOf(request, attributes.chapPassword) >= 0) {
            return false;
        }
        PolicyItem authType = authType(control);
        if (authType != null) {
            long type = authTypes.valueOf(authType);
            if (type == authTypes.accept || type == authTypes.reject) {
                return false;
            }
        }
        if (passwords.cleartextForPap(control) != null) {
            return false;
        }
        KnownGoodPassword known = passwords.forPap(control);
        return known != null && known.isUsable() && known.form().isSlow();
    }

    private AuthResult pap(RadiusPacket request, int userPassword, SharedSecret secret, List<PolicyItem> control,
            boolean authTypeSet) {
        // The common case, a Cleartext-Password, needs no decoded form: no cache lookup, nothing allocated.
        PolicyItem cleartext = passwords.cleartextForPap(control);
        KnownGoodPassword known = cleartext != null ? null : passwords.forPap(control);
        if (cleartext == null && known == null) {
            // Without a known good password rlm_pap does not set Auth-Type, so FreeRADIUS finds none.
            return authTypeSet ? PAP_NO_PASSWORD : NO_AUTH_TYPE;
        }
        PerThread t = PerThread.get();
        try {
            int length = request.unhide(userPassword, secret, null, t.password, 0);
            if (length < 0) {
                return PAP_MALFORMED;
            }
            if (length == 0) {
                return PAP_EMPTY;
            }
            if (cleartext != null) {
                return PapCheck.cleartextMatches(cleartext.value(), t.password, length) ? PapCheck.ACCEPT
                        : PapCheck.CLEARTEXT_MISMATCH;
            }
            return PapCheck.check(known, t, length);
        } finally {
            t.wipePassword();
        }
    }

    private AuthResult chap(RadiusPacket request, int chapPassword, List<PolicyItem> control) {
        return ChapCheck.check(request, chapPassword, passwords.find(control, PasswordForm.CLEARTEXT), attributes,
                PerThread.get());
    }

    /** MS-CHAPv1 or v2 if the request carries a challenge and a response; else null. */
    private @Nullable AuthResult msChap(RadiusPacket request, List<PolicyItem> control) {
        if (!attributes.msChap || !request.contains(attributes.msChapChallenge)) {
            return null;
        }
        int v1 = request.indexOf(attributes.msChapResponse);
        int v2 = v1 >= 0 ? -1 : request.indexOf(attributes.msChap2Response);
        if (v1 < 0 && v2 < 0) {
            return null;
        }
        // rlm_mschap prefers an NT-Password to hashing a cleartext one.
        KnownGoodPassword nt = passwords.find(control, PasswordForm.NT);
        if (nt == null) {
            nt = passwords.find(control, PasswordForm.CLEARTEXT);
        }
        PerThread t = PerThread.get();
        if (v1 >= 0) {
            return MsChapV1Check.check(request, v1, nt, passwords.find(control, PasswordForm.LM), attributes, t);
        }
        return MsChapV2Check.check(request, v2, nt, attributes, t);
    }

    /** The first Auth-Type control item, as FreeRADIUS reads it. */
    private @Nullable PolicyItem authType(List<PolicyItem> control) {
        for (int i = 0, n = control.size(); i < n; i++) {
            PolicyItem item = control.get(i);
            if (controlAttributes.isAuthType(item)) {
                return item;
            }
        }
        return null;
    }

    private void checkDictionary(RadiusPacket request) {
        if (request.dictionary() != dictionary) {
            throw new IllegalArgumentException("the request was decoded with another dictionary than this "
                    + "authenticator's; attribute definitions would not match");
        }
    }

    private static int indexOf(RadiusPacket request, @Nullable AttributeDefinition definition) {
        return definition == null ? -1 : request.indexOf(definition);
    }
}
