package org.pirog.radius.core.radiusd;

/** Pirog's version, from the jar's manifest (or "development" when run from classes). */
final class Version {
    private Version() {
    }

    static String current() {
        String version = Version.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
