package org.pirog.radius.core.nas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pirog.radius.codec.crypto.SharedSecret;

class ClientsConfTest {
    @TempDir
    Path dir;

    @Test
    void readsClientsInEveryAddressForm() throws Exception {
        Path file = dir.resolve("clients.conf");
        Files.writeString(file, """
                client localhost {
                    ipaddr = 127.0.0.1
                    proto = *
                    secret = testing123
                    require_message_authenticator = no
                    nas_type = other
                    limit {
                        max_connections = 16
                    }
                }
                client localhost_ipv6 {
                    ipv6addr = ::1
                    secret = testing123
                }
                client office {
                    ipaddr = 192.0.2.0/24
                    secret = "office secret"
                    shortname = off
                    nas_type = mikrotik
                    limit_proxy_state = yes
                }
                client 198.51.100.0 {
                    netmask = 28
                    secret = old
                }
                """);
        List<Nas> clients = ClientsConf.read(file, BlastRadiusMode.AUTO, BlastRadiusMode.AUTO);
        assertThat(clients).extracting(Nas::name)
                .containsExactly("localhost", "localhost_ipv6", "office", "198.51.100.0");
        Nas localhost = clients.get(0);
        assertThat(localhost.requireMessageAuthenticator()).isEqualTo(BlastRadiusMode.NO);
        assertThat(localhost.limitProxyState()).isEqualTo(BlastRadiusMode.AUTO);
        assertThat(localhost.secret()).isEqualTo(SharedSecret.of("testing123"));
        assertThat(clients.get(2).network().prefixLength()).isEqualTo(24);
        assertThat(clients.get(2).nasType()).isEqualTo("mikrotik");
        assertThat(clients.get(2).shortName()).isEqualTo("off");
        assertThat(clients.get(3).network()).hasToString("198.51.100.0/28");

        NasTable table = NasTable.of(clients);
        assertThat(table.find(InetAddress.getByName("192.0.2.77"))).isSameAs(clients.get(2));
        assertThat(table.find(InetAddress.getByName("::1"))).isSameAs(clients.get(1));
        assertThat(table.find(InetAddress.getByName("198.51.100.15"))).isSameAs(clients.get(3));
        assertThat(table.find(InetAddress.getByName("198.51.100.16"))).isNull();
    }

    @Test
    void reportsEveryBadClient() throws Exception {
        Path file = dir.resolve("clients.conf");
        Files.writeString(file, """
                client nosecret {
                    ipaddr = 10.0.0.1
                }
                client badaddress {
                    ipaddr = 10.0.0.300
                    secret = x
                }
                client badmode {
                    ipaddr = 10.0.0.2
                    secret = x
                    require_message_authenticator = maybe
                }
                client badprefix {
                    ipaddr = 10.0.0.0/33
                    secret = x
                }
                """);
        assertThatThrownBy(() -> ClientsConf.read(file, BlastRadiusMode.AUTO, BlastRadiusMode.AUTO))
                .hasMessageContaining("clients.conf[1]: client nosecret: no secret")
                .hasMessageContaining("clients.conf[5]: client badaddress: \"10.0.0.300\" is not an IP address")
                .hasMessageContaining("clients.conf[11]: require_message_authenticator: expected yes, no or auto")
                .hasMessageContaining("clients.conf[14]: client badprefix: bad prefix length");
    }

    @Test
    void longestPrefixWins() throws Exception {
        SharedSecret s = SharedSecret.of("s");
        Nas wide = Nas.of("wide", new NasNetwork(InetAddress.getByName("10.0.0.0"), 8), s);
        Nas narrow = Nas.of("narrow", new NasNetwork(InetAddress.getByName("10.1.0.0"), 16), s);
        Nas host = Nas.of("host", NasNetwork.host(InetAddress.getByName("10.1.2.3")), s);
        NasTable table = NasTable.of(List.of(wide, narrow, host));
        assertThat(table.find(InetAddress.getByName("10.1.2.3"))).isSameAs(host);
        assertThat(table.find(InetAddress.getByName("10.1.2.4"))).isSameAs(narrow);
        assertThat(table.find(InetAddress.getByName("10.2.0.1"))).isSameAs(wide);
        assertThat(table.find(InetAddress.getByName("11.0.0.1"))).isNull();
        assertThat(new NasNetwork(InetAddress.getByName("10.1.2.3"), 16).address())
                .isEqualTo(InetAddress.getByName("10.1.0.0"));
    }
}
