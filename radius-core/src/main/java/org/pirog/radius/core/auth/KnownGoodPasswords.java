package org.pirog.radius.core.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.pirog.radius.core.policy.PolicyItem;

/**
 * Finds the "known good" password a method needs among an account's control items, in FreeRADIUS 3.2's order,
 * and decodes each stored value once.
 *
 * <p><b>Order.</b> rlm_pap converts a Password-With-Header into the attribute its header names and appends it to
 * the control list, unless the list already has a Cleartext-Password, in which case it ignores it. So a method
 * looks at the items that hold a password form first, in list order, and at Password-With-Header items after them.
 *
 * <p><b>Cache.</b> Decoding a stored value (hex or base64, headers, PBKDF2 fields, the NT hash of a cleartext) is
 * done once per distinct {@link PolicyItem} and kept in a bounded Caffeine cache keyed by the item, so the request
 * path only hashes the offered password. A key is the item's value, so an item read afresh from a database finds
 * the entry of an equal one; a changed password is a different key. Passing precomputed objects from the backend
 * instead would have changed the backend SPI that other modules are written against, for no measurable gain: a
 * cache hit costs one hash lookup of a record whose String hash codes are already cached. Maintenance runs on the
 * calling thread, never in a pool. Entries hold password material for as long as they stay cached, which is no
 * longer than the policy items themselves may.
 */
final class KnownGoodPasswords {
    /** About 100 octets to 2 KiB per entry; 64 Ki entries stay well under 64 MiB even for PBKDF2-SHA512 hashes. */
    static final int DEFAULT_CACHE_SIZE = 65_536;

    private final ControlAttributes attributes;
    private final Cache<PolicyItem, KnownGoodPassword> cache;

    KnownGoodPasswords(ControlAttributes attributes, int cacheSize) {
        this.attributes = attributes;
        this.cache = Caffeine.newBuilder().maximumSize(cacheSize).executor(Runnable::run).build();
    }

    /** The password PAP compares against: the first stored form, else the first Password-With-Header. */
    @Nullable KnownGoodPassword forPap(List<PolicyItem> control) {
        for (int i = 0, n = control.size(); i < n; i++) {
            PolicyItem item = control.get(i);
            PasswordForm form = attributes.formOf(item);
            if (form != null) {
                return decoded(item, form);
            }
        }
        for (int i = 0, n = control.size(); i < n; i++) {
            PolicyItem item = control.get(i);
            if (attributes.isPasswordWithHeader(item)) {
                return decoded(item, null);
            }
        }
        return null;
    }

    /**
     * The item PAP would compare against when it is a Cleartext-Password (or a User-Password check item), else null:
     * such a value needs no decoding, so PAP compares it directly instead of looking up its decoded form.
     */
    @Nullable PolicyItem cleartextForPap(List<PolicyItem> control) {
        for (int i = 0, n = control.size(); i < n; i++) {
            PolicyItem item = control.get(i);
            PasswordForm form = attributes.formOf(item);
            if (form != null) {
                return form == PasswordForm.CLEARTEXT ? item : null;
            }
        }
        return null;
    }

    /** The first usable stored password of this form, directly or through Password-With-Header; else null. */
    @Nullable KnownGoodPassword find(List<PolicyItem> control, PasswordForm wanted) {
        boolean hasCleartext = false;
        for (int i = 0, n = control.size(); i < n; i++) {
            PolicyItem item = control.get(i);
            PasswordForm form = attributes.formOf(item);
            if (form == wanted) {
                KnownGoodPassword known = decoded(item, form);
                if (known.isUsable()) {
                    return known;
                }
            }
            hasCleartext |= form == PasswordForm.CLEARTEXT;
        }
        if (hasCleartext) {
            return null;
        }
        for (int i = 0, n = control.size(); i < n; i++) {
            PolicyItem item = control.get(i);
            if (attributes.isPasswordWithHeader(item)) {
                KnownGoodPassword known = decoded(item, null);
                if (known.form() == wanted && known.isUsable()) {
                    return known;
                }
            }
        }
        return null;
    }

    /** The item decoded; {@code form} null for a Password-With-Header. */
    KnownGoodPassword decoded(PolicyItem item, @Nullable PasswordForm form) {
        KnownGoodPassword known = cache.getIfPresent(item);
        if (known == null) {
            known = decode(item, form);
            cache.put(item, known);
        }
        return known;
    }

    private static KnownGoodPassword decode(PolicyItem item, @Nullable PasswordForm form) {
        String value = item.value();
        if (form == null) {
            return PasswordWithHeader.decode(value);
        }
        return switch (form) {
            case CLEARTEXT -> KnownGoodPassword.cleartext(value.getBytes(StandardCharsets.UTF_8));
            // FreeRADIUS types these as strings: the text is the value.
            case CRYPT, NS_MTA_MD5 -> KnownGoodPassword.decode(form, value.getBytes(StandardCharsets.UTF_8));
            default -> KnownGoodPassword.decode(form, StoredOctets.ofValue(value));
        };
    }
}
