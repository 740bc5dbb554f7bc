package org.pirog.radius.core.auth;

import org.jspecify.annotations.Nullable;
import org.pirog.radius.codec.dictionary.AttributeDefinition;
import org.pirog.radius.codec.dictionary.Dictionary;
import org.pirog.radius.core.policy.Operator;
import org.pirog.radius.core.policy.PolicyItem;

/**
 * Recognises the control items authentication reads: the stored password forms, Password-With-Header,
 * User-Password written as a check item, and Auth-Type. Items are matched by attribute number, resolved once from
 * the names, so that aliases sharing a number (SHA-Password and SHA1-Password) are one attribute.
 *
 * <p>An item counts when it assigns ({@code = := +=}) or, as old {@code users} files write
 * {@code User-Password == "secret"}, when it is an {@code ==} check; other comparisons say nothing about what the
 * account stores.
 */
final class ControlAttributes {
    private static final int ABSENT = -1;

    private final int[] formNumbers;
    private final PasswordForm[] forms;
    private final int userPassword;
    private final int passwordWithHeader;
    private final int authType;

    ControlAttributes(Dictionary dictionary) {
        PasswordForm[] all = PasswordForm.values();
        formNumbers = new int[all.length];
        forms = all;
        for (int i = 0; i < all.length; i++) {
            formNumbers[i] = numberOf(dictionary, all[i].attributeName());
        }
        userPassword = numberOf(dictionary, "User-Password");
        passwordWithHeader = numberOf(dictionary, "Password-With-Header");
        authType = numberOf(dictionary, "Auth-Type");
    }

    /** The stored form the item holds (User-Password meaning Cleartext-Password), or null if it holds none. */
    @Nullable PasswordForm formOf(PolicyItem item) {
        int number = numberOf(item);
        if (number == ABSENT) {
            return null;
        }
        if (number == userPassword) {
            return PasswordForm.CLEARTEXT;
        }
        for (int i = 0; i < formNumbers.length; i++) {
            if (formNumbers[i] == number) {
                return forms[i];
            }
        }
        return null;
    }

    boolean isPasswordWithHeader(PolicyItem item) {
        int number = numberOf(item);
        return number != ABSENT && number == passwordWithHeader;
    }

    boolean isAuthType(PolicyItem item) {
        int number = numberOf(item);
        return number != ABSENT && number == authType;
    }

    /** The attribute number of a counting, top-level (internal or RFC) item, or {@link #ABSENT}. */
    private static int numberOf(PolicyItem item) {
        Operator operator = item.operator();
        if (!operator.isAssignment() && operator != Operator.EQUAL) {
            return ABSENT;
        }
        AttributeDefinition definition = item.attribute();
        if (definition.vendorId() != 0 || definition.parent() != null || definition.isUnknown()) {
            return ABSENT;
        }
        return definition.number();
    }

    private static int numberOf(Dictionary dictionary, String name) {
        AttributeDefinition definition = dictionary.attribute(name);
        return definition == null || definition.vendorId() != 0 || definition.parent() != null
                ? ABSENT : definition.number();
    }
}
