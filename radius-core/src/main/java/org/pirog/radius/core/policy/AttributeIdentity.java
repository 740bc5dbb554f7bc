package org.pirog.radius.core.policy;

import org.pirog.radius.codec.dictionary.AttributeDefinition;

/**
 * Whether two definitions name the same attribute. Dictionaries may give one number two names (SHA-Password and
 * SHA1-Password are both 1093); each name has its own definition object, so identity alone is not enough.
 */
final class AttributeIdentity {
    private AttributeIdentity() {
    }

    static boolean same(AttributeDefinition a, AttributeDefinition b) {
        return a == b || (a.number() == b.number() && a.vendorId() == b.vendorId() && a.parent() == b.parent()
                && a.type() == b.type());
    }
}
