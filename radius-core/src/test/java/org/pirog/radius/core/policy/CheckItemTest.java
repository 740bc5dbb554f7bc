package org.pirog.radius.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pirog.radius.core.policy.Requests.DICTIONARY;
import static org.pirog.radius.core.policy.Requests.context;
import static org.pirog.radius.core.policy.Requests.item;

import org.junit.jupiter.api.Test;

/** Each expectation was checked with FreeRADIUS 3.2.1 and a users file unless it says otherwise. */
class CheckItemTest {

    private static boolean matches(String name, String operator, String value, String... request)
            throws PolicyException {
        return CheckItem.compile(item(name, operator, value), DICTIONARY).matches(context(request));
    }

    @Test
    void equalAndNotEqual() throws PolicyException {
        assertThat(matches("NAS-Port", "==", "5", "NAS-Port=5")).isTrue();
        assertThat(matches("NAS-Port", "==", "5", "NAS-Port=6")).isFalse();
        assertThat(matches("Calling-Station-Id", "!=", "abc", "Calling-Station-Id=zzz")).isTrue();
        assertThat(matches("Calling-Station-Id", "!=", "abc", "Calling-Station-Id=abc")).isFalse();
    }

    /** FreeRADIUS reads an address alone through inet_aton: a leading zero makes a part octal. */
    @Test
    void anAddressWithLeadingZerosIsReadAsInetAtonReadsIt() throws PolicyException {
        assertThat(matches("Framed-IP-Address", "==", "010.0.0.1", "Framed-IP-Address=8.0.0.1")).isTrue();
        assertThat(matches("Framed-IP-Address", "==", "010.0.0.1", "Framed-IP-Address=10.0.0.1")).isFalse();
        assertThat(matches("Framed-IP-Address", ">", "010.0.0.1", "Framed-IP-Address=10.0.0.1")).isTrue();
        assertThat(matches("Framed-IP-Address", "==", "10.0.0.01", "Framed-IP-Address=10.0.0.1")).isTrue();
        assertThat(matches("Framed-IP-Address", "==", "192.0.2", "Framed-IP-Address=192.0.0.2")).isTrue();
        assertThat(matches("Framed-IP-Address", "==", "010.0.0.1/32", "Framed-IP-Address=10.0.0.1")).isTrue();
    }

    @Test
    void anAbsentAttributeMatchesNoComparisonNotEvenNotEqual() throws PolicyException {
        assertThat(matches("Calling-Station-Id", "!=", "abc", "User-Name=bob")).isFalse();
        assertThat(matches("NAS-Port", "<", "5", "User-Name=bob")).isFalse();
        assertThat(matches("Called-Station-Id", "!~", "ab", "User-Name=bob")).isFalse();
    }

    @Test
    void anyInstanceMayMatch() throws PolicyException {
        assertThat(matches("Class", "!=", "a", "Class=a", "Class=b")).isTrue();
        assertThat(matches("Class", "!=", "a", "Class=a")).isFalse();
        assertThat(matches("Class", "==", "b", "Class=a", "Class=b")).isTrue();
    }

    @Test
    void presentAndAbsent() throws PolicyException {
        assertThat(matches("Class", "=*", "whatever", "Class=a")).isTrue();
        assertThat(matches("Class", "=*", "whatever", "User-Name=bob")).isFalse();
        assertThat(matches("Class", "!*", "", "Class=a")).isFalse();
        assertThat(matches("Class", "!*", "", "User-Name=bob")).isTrue();
    }

    @Test
    void numbersCompareNumerically() throws PolicyException {
        assertThat(matches("NAS-Port", ">", "10", "NAS-Port=11")).isTrue();
        assertThat(matches("NAS-Port", ">", "10", "NAS-Port=10")).isFalse();
        assertThat(matches("NAS-Port", ">=", "10", "NAS-Port=10")).isTrue();
        assertThat(matches("NAS-Port", "<", "10", "NAS-Port=9")).isTrue();
        assertThat(matches("NAS-Port", "<=", "9", "NAS-Port=10")).isFalse();
        // 9 < 10 as numbers, though "9" > "10" as text.
        assertThat(matches("NAS-Port", "<", "10", "NAS-Port=9")).isTrue();
        assertThat(matches("NAS-Port-Type", "==", "Virtual", "NAS-Port-Type=Virtual")).isTrue();
        assertThat(matches("NAS-IP-Address", ">", "10.0.0.1", "NAS-IP-Address=10.0.0.2")).isTrue();
        assertThat(matches("NAS-IP-Address", ">", "10.0.0.1", "NAS-IP-Address=9.1.1.1")).isFalse();
    }

    @Test
    void stringsCompareOctetByOctet() throws PolicyException {
        assertThat(matches("Called-Station-Id", "<", "b", "Called-Station-Id=abc")).isTrue();
        assertThat(matches("Called-Station-Id", "<", "b", "Called-Station-Id=ba")).isFalse();
        assertThat(matches("Called-Station-Id", "==", "ABC", "Called-Station-Id=abc")).isFalse();
    }

    @Test
    void regularExpressionsAreCaseSensitiveAndMatchAnywhere() throws PolicyException {
        assertThat(matches("Called-Station-Id", "=~", "^ab+c$", "Called-Station-Id=abbbc")).isTrue();
        assertThat(matches("Called-Station-Id", "=~", "AB", "Called-Station-Id=xaby")).isFalse();
        assertThat(matches("Called-Station-Id", "=~", "ab", "Called-Station-Id=xaby")).isTrue();
        assertThat(matches("Called-Station-Id", "!~", "ab", "Called-Station-Id=xaby")).isFalse();
        assertThat(matches("Called-Station-Id", "!~", "zz", "Called-Station-Id=xaby")).isTrue();
        assertThat(matches("Called-Station-Id", "=~", "^[[:digit:]]+$", "Called-Station-Id=0123")).isTrue();
        assertThat(matches("NAS-Port-Type", "=~", "^Virt", "NAS-Port-Type=Virtual")).isTrue();
        assertThatThrownBy(() -> CheckItem.compile(item("Called-Station-Id", "=~", "(ab"), DICTIONARY))
                .hasMessageContaining("is not a valid regular expression");
    }

    @Test
    void assignmentsDoNotCompare() throws PolicyException {
        CheckItem assign = CheckItem.compile(item("Pool-Name", ":=", "main"), DICTIONARY);
        assertThat(assign.compares()).isFalse();
        assertThat(assign.assigns()).isTrue();
        assertThat(assign.matches(context("User-Name=bob"))).isTrue();
        assertThat(CheckItem.compile(item("Reply-Message", "+=", "x"), DICTIONARY).compares()).isFalse();
    }

    @Test
    void setComparesLikeEqualAndAssigns() throws PolicyException {
        CheckItem set = CheckItem.compile(item("NAS-Port", "=", "5"), DICTIONARY);
        assertThat(set.compares()).isTrue();
        assertThat(set.assigns()).isTrue();
        assertThat(set.matches(context("NAS-Port=5"))).isTrue();
        assertThat(set.matches(context("NAS-Port=6"))).isFalse();
    }

    @Test
    void internalAttributesAreNeverInTheRequest() throws PolicyException {
        // 'Pool-Name == "poolA"' did not match although a DEFAULT entry had put Pool-Name := "poolA" in control;
        // 'Simultaneous-Use = 1' and 'Pool-Name != "foo"' matched nothing either; 'Pool-Name !* ANY' did.
        assertThat(matches("Pool-Name", "==", "poolA", "User-Name=bob")).isFalse();
        assertThat(matches("Pool-Name", "!=", "foo", "User-Name=bob")).isFalse();
        assertThat(matches("Simultaneous-Use", "=", "1", "User-Name=bob")).isFalse();
        assertThat(matches("Login-Time", "=", "Al", "User-Name=bob")).isFalse();
        assertThat(matches("Pool-Name", "!*", "ANY", "User-Name=bob")).isTrue();
        assertThat(matches("Client-Shortname", "==", "localhost", "User-Name=bob")).isFalse();
    }

    @Test
    void authTypeAndFriendsAreNeverCompared() throws PolicyException {
        // 'Auth-Type == Reject' matched, and the user was accepted.
        CheckItem reject = CheckItem.compile(item("Auth-Type", "==", "Reject"), DICTIONARY);
        assertThat(reject.compares()).isFalse();
        assertThat(reject.assigns()).isFalse();
        CheckItem accept = CheckItem.compile(item("Auth-Type", "=", "Accept"), DICTIONARY);
        assertThat(accept.compares()).isFalse();
        assertThat(accept.assigns()).isTrue();
    }

    @Test
    void computedAttributesCompareAsFreeRadiusComputesThem() throws PolicyException {
        // The context's time is 2026-11-21 10:32:13 UTC, from 192.0.2.10.
        assertThat(matches("Expiration", "==", "Jan 01 2099", "User-Name=bob")).isTrue();
        assertThat(matches("Expiration", "=", "Jan 01 2099", "User-Name=bob")).isTrue();
        assertThat(matches("Expiration", "==", "Jan 01 2001", "User-Name=bob")).isFalse();
        assertThat(matches("Current-Time", "==", "Al", "User-Name=bob")).isTrue();
        assertThat(matches("Current-Time", "==", "Sa0000-1000", "User-Name=bob")).isFalse();
        assertThat(matches("Current-Time", "==", "Sa1000-1100", "User-Name=bob")).isTrue();
        assertThat(matches("Packet-Type", "==", "Access-Request", "User-Name=bob")).isTrue();
        assertThat(matches("Packet-Type", "==", "Accounting-Request", "User-Name=bob")).isFalse();
        assertThat(matches("Client-IP-Address", "==", "192.0.2.10", "User-Name=bob")).isTrue();
        assertThat(matches("Packet-Src-IP-Address", "==", "127.0.0.1", "User-Name=bob")).isFalse();
    }

    @Test
    void userPasswordNamesTheKnownGoodPassword() throws PolicyException {
        CheckItem password = CheckItem.compile(item("User-Password", "==", "secret"), DICTIONARY);
        assertThat(password.item()).isEqualTo(item("Cleartext-Password", ":=", "secret"));
        assertThat(password.compares()).isFalse();
        assertThat(password.assigns()).isTrue();
    }

    @Test
    void expandsTheValueBeforeComparing() throws PolicyException {
        assertThat(matches("Calling-Station-Id", "==", "%{User-Name}", "User-Name=bob", "Calling-Station-Id=bob"))
                .isTrue();
        assertThat(matches("Calling-Station-Id", "==", "%{User-Name}", "User-Name=bob", "Calling-Station-Id=eve"))
                .isFalse();
        assertThat(matches("NAS-Port", "==", "%{Called-Station-Id}", "NAS-Port=5", "Called-Station-Id=5")).isTrue();
        // An expansion that is no number for NAS-Port matches nothing.
        assertThat(matches("NAS-Port", "!=", "%{Called-Station-Id}", "NAS-Port=5", "Called-Station-Id=x")).isFalse();
        PolicyContext context = context("User-Name=bob");
        assertThat(CheckItem.compile(item("Pool-Name", ":=", "pool-%{User-Name}"), DICTIONARY).expanded(context))
                .isEqualTo(item("Pool-Name", ":=", "pool-bob"));
    }

    @Test
    void aTaggedItemComparesOnlyThatTag() throws PolicyException {
        assertThat(matches("Tunnel-Type:1", "==", "L2TP", "Tunnel-Type:1=L2TP")).isTrue();
        assertThat(matches("Tunnel-Type:2", "==", "L2TP", "Tunnel-Type:1=L2TP")).isFalse();
    }

    @Test
    void valuesAreCheckedWhenLoaded() {
        assertThatThrownBy(() -> CheckItem.compile(item("NAS-Port", "==", "abc"), DICTIONARY))
                .hasMessageContaining("\"abc\" is not an integer or a VALUE name for NAS-Port");
        assertThatThrownBy(() -> CheckItem.compile(item("Session-Timeout", ":=", "abc"), DICTIONARY))
                .isInstanceOf(PolicyException.class);
        assertThatThrownBy(() -> CheckItem.compile(item("Expiration", ":=", "01/01/2030"), DICTIONARY))
                .hasMessageContaining("is not a date");
        assertThatThrownBy(() -> CheckItem.compile(item("Current-Time", "==", "Weekdays"), DICTIONARY))
                .hasMessageContaining("is no day");
        assertThatThrownBy(() -> CheckItem.compile(item("Login-Time", ":=", "Wk08-18"), DICTIONARY))
                .hasMessageContaining("is no time range");
    }
}
