package org.pirog.radius.core.nas;

import org.jspecify.annotations.Nullable;

/**
 * The CVE-2024-3596 (BlastRADIUS) settings {@code require_message_authenticator} and {@code limit_proxy_state},
 * with FreeRADIUS 3.2.5 semantics: {@code auto} decides on the first packet from a client, never for a CIDR client.
 */
public enum BlastRadiusMode {
    YES,
    NO,
    AUTO;

    /**
     * The mode of item {@code itemName} of {@code section}, or {@code fallback} when it is absent; a value that is
     * not a mode adds an error naming the file and line and gives {@code fallback}.
     */
    public static BlastRadiusMode read(org.pirog.radius.core.config.ConfigSection section, String itemName,
            BlastRadiusMode fallback, java.util.List<org.pirog.radius.core.config.ConfigError> errors) {
        org.pirog.radius.core.config.ConfigItem item = section.item(itemName);
        if (item == null) {
            return fallback;
        }
        BlastRadiusMode mode = parse(item.value());
        if (mode == null) {
            errors.add(item.error("expected yes, no or auto, found \"" + item.value() + "\""));
            return fallback;
        }
        return mode;
    }

    /** The mode written as {@code yes}, {@code no} or {@code auto} (also {@code true}/{@code false}), or null. */
    public static @Nullable BlastRadiusMode parse(String text) {
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "yes", "true", "on" -> YES;
            case "no", "false", "off" -> NO;
            case "auto" -> AUTO;
            default -> null;
        };
    }
}
