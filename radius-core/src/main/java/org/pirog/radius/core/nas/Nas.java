package org.pirog.radius.core.nas;

import java.util.Objects;
import org.pirog.radius.codec.crypto.SharedSecret;

/**
 * A NAS the server answers, as a {@code client NAME { … }} section of {@code clients.conf} (or a row of the SQL
 * {@code nas} table) defines it.
 *
 * @param name                        the section name, used in log lines ({@code from client NAME})
 * @param network                     the address or network it sends from
 * @param secret                      the shared secret
 * @param shortName                   {@code shortname}, or the name
 * @param nasType                     {@code nas_type} ({@code other}, {@code mikrotik}, …), used to pick vendor reply attributes
 * @param requireMessageAuthenticator the client's setting, or the server default
 * @param limitProxyState             the client's setting, or the server default
 */
public record Nas(
        String name,
        NasNetwork network,
        SharedSecret secret,
        String shortName,
        String nasType,
        BlastRadiusMode requireMessageAuthenticator,
        BlastRadiusMode limitProxyState) {

    public Nas {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(shortName, "shortName");
        Objects.requireNonNull(nasType, "nasType");
        Objects.requireNonNull(requireMessageAuthenticator, "requireMessageAuthenticator");
        Objects.requireNonNull(limitProxyState, "limitProxyState");
    }

    /** A client with FreeRADIUS's defaults: type {@code other}, BlastRADIUS settings {@code auto}. */
    public static Nas of(String name, NasNetwork network, SharedSecret secret) {
        return new Nas(name, network, secret, name, "other", BlastRadiusMode.AUTO, BlastRadiusMode.AUTO);
    }

    public Nas withBlastRadius(BlastRadiusMode requireMessageAuthenticator, BlastRadiusMode limitProxyState) {
        return new Nas(name, network, secret, shortName, nasType, requireMessageAuthenticator, limitProxyState);
    }

    @Override
    public String toString() {
        return "client " + name + " (" + network + ")";
    }
}
