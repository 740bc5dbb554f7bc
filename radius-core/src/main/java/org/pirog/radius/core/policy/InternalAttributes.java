package org.pirog.radius.core.policy;

import org.pirog.radius.codec.dictionary.AttributeDefinition;

/**
 * Which attributes live only inside the server: FreeRADIUS's internal space (vendor 0, numbers above 255:
 * Fall-Through 500, Auth-Type 1000, Pool-Name 1073, …, Pirog's own 3000 block), never in a packet.
 */
public final class InternalAttributes {
    private InternalAttributes() {
    }

    /** Whether the attribute is server-internal: it is never in a request and never goes on the wire. */
    public static boolean isInternal(AttributeDefinition attribute) {
        return attribute.vendorId() == 0 && attribute.parent() == null && attribute.number() > 255;
    }

    /**
     * Whether FreeRADIUS skips the attribute when it compares check items with the request, whatever the
     * operator: it selects processing (Auth-Type, Autz-Type, Acct-Type, Session-Type), or is a stored password
     * or setting that a request never carries (Crypt-Password, Strip-User-Name). Such an item always "matches".
     */
    public static boolean isNeverCompared(AttributeDefinition attribute) {
        if (!isInternal(attribute)) {
            return false;
        }
        return switch (attribute.number()) {
            case 1000, 1011, 1012, 1013, 1006, 1035 -> true;
            default -> false;
        };
    }
}
