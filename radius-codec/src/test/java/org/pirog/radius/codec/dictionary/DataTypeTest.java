package org.pirog.radius.codec.dictionary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DataTypeTest {

    @Test
    void namesAndAliases() {
        assertThat(DataType.fromName("String")).isEqualTo(DataType.STRING);
        assertThat(DataType.fromName("uint32")).isEqualTo(DataType.INTEGER);
        assertThat(DataType.fromName("uint16")).isEqualTo(DataType.SHORT);
        assertThat(DataType.fromName("UINT8")).isEqualTo(DataType.BYTE);
        assertThat(DataType.fromName("uint64")).isEqualTo(DataType.INTEGER64);
        assertThat(DataType.fromName("int32")).isEqualTo(DataType.SIGNED);
        assertThat(DataType.fromName("ipv4addr")).isEqualTo(DataType.IPADDR);
        assertThat(DataType.fromName("combo-ip")).isEqualTo(DataType.COMBO_IP);
        assertThat(DataType.fromName("ipv6prefix")).isEqualTo(DataType.IPV6PREFIX);
        assertThat(DataType.fromName("long-extended")).isEqualTo(DataType.LONG_EXTENDED);
        assertThat(DataType.fromName("intger")).isNull();
        for (DataType type : DataType.values()) {
            assertThat(DataType.fromName(type.dictionaryName())).isEqualTo(type);
        }
    }

    @Test
    void wireLengths() {
        assertThat(DataType.IPADDR.isValidLength(4)).isTrue();
        assertThat(DataType.IPADDR.isValidLength(5)).isFalse();
        assertThat(DataType.INTEGER.fixedLength()).isEqualTo(4);
        assertThat(DataType.INTEGER64.isValidLength(8)).isTrue();
        assertThat(DataType.BYTE.isValidLength(2)).isFalse();
        assertThat(DataType.SHORT.isValidLength(2)).isTrue();
        assertThat(DataType.IFID.isValidLength(8)).isTrue();
        assertThat(DataType.ETHER.isValidLength(6)).isTrue();
        assertThat(DataType.IPV4PREFIX.isValidLength(6)).isTrue();
        assertThat(DataType.IPV6ADDR.isValidLength(16)).isTrue();
        assertThat(DataType.IPV6PREFIX.isValidLength(1)).isFalse();
        assertThat(DataType.IPV6PREFIX.isValidLength(2)).isTrue();
        assertThat(DataType.IPV6PREFIX.isValidLength(18)).isTrue();
        assertThat(DataType.IPV6PREFIX.isValidLength(19)).isFalse();
        assertThat(DataType.COMBO_IP.isValidLength(4)).isTrue();
        assertThat(DataType.COMBO_IP.isValidLength(16)).isTrue();
        assertThat(DataType.COMBO_IP.isValidLength(8)).isFalse();
        assertThat(DataType.COMBO_IP.fixedLength()).isEqualTo(-1);
        assertThat(DataType.STRING.isValidLength(0)).isTrue();
        assertThat(DataType.OCTETS.isValidLength(253)).isTrue();
        assertThat(DataType.OCTETS.isValidLength(254)).isFalse();
        assertThat(DataType.TLV.isValidLength(0)).isFalse();
        assertThat(DataType.VSA.isValidLength(4)).isFalse();
        assertThat(DataType.VSA.isValidLength(5)).isTrue();
    }

    @Test
    void encryptionFlags() {
        assertThat(Encryption.fromFlag(1)).isEqualTo(Encryption.USER_PASSWORD);
        assertThat(Encryption.fromFlag(2)).isEqualTo(Encryption.TUNNEL_PASSWORD);
        assertThat(Encryption.fromFlag(3)).isEqualTo(Encryption.ASCEND_SECRET);
        assertThat(Encryption.fromFlag(4)).isNull();
    }
}
