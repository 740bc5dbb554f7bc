package org.pirog.radius.benchmarks.load;

import java.nio.charset.StandardCharsets;

/**
 * The generator's users: {@code user00042} with password {@code pass00042}, numbered from 0, with at least five
 * digits. The FreeRADIUS and Pirog configurations of a benchmark list the same users.
 */
record UserPattern(int count, String namePrefix, String passwordPrefix) {
    static UserPattern of(int count) {
        return new UserPattern(count, "user", "pass");
    }

    UserPattern {
        if (count < 1) {
            throw new IllegalArgumentException("at least one user, not " + count);
        }
    }

    String name(int index) {
        return namePrefix + digits(index);
    }

    String password(int index) {
        return passwordPrefix + digits(index);
    }

    byte[] nameOctets(int index) {
        return name(index).getBytes(StandardCharsets.UTF_8);
    }

    private String digits(int index) {
        int width = Math.max(5, Integer.toString(count - 1).length());
        String number = Integer.toString(index);
        return "0".repeat(Math.max(0, width - number.length())) + number;
    }
}
