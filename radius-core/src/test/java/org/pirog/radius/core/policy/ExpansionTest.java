package org.pirog.radius.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pirog.radius.core.policy.Requests.DICTIONARY;
import static org.pirog.radius.core.policy.Requests.context;
import static org.pirog.radius.core.policy.Requests.item;

import org.junit.jupiter.api.Test;

class ExpansionTest {

    private static String expand(String template, PolicyContext context) throws PolicyException {
        return Expansion.parse(template, DICTIONARY).expand(context);
    }

    @Test
    void expandsRequestAttributes() throws PolicyException {
        PolicyContext context = context("User-Name=bob", "NAS-Port=7", "NAS-Port-Type=Virtual",
                "NAS-IP-Address=10.0.0.1");
        assertThat(expand("%{User-Name}", context)).isEqualTo("bob");
        assertThat(expand("user %{request:User-Name} on %{NAS-Port}", context)).isEqualTo("user bob on 7");
        assertThat(expand("%{NAS-Port-Type}/%{NAS-IP-Address}", context)).isEqualTo("Virtual/10.0.0.1");
        assertThat(expand("[%{Calling-Station-Id}]", context)).isEqualTo("[]");
        assertThat(expand("%{User-Name[0]}", context)).isEqualTo("bob");
    }

    @Test
    void expandsTheReplyAndControlListsAsBuiltSoFar() throws PolicyException {
        PolicyContext context = context("User-Name=bob");
        context.reply().merge(item("Session-Timeout", "=", "10"));
        context.control().merge(item("Pool-Name", ":=", "main"));
        assertThat(expand("%{reply:Session-Timeout}", context)).isEqualTo("10");
        assertThat(expand("%{control:Pool-Name}-%{config:Pool-Name}", context)).isEqualTo("main-main");
    }

    @Test
    void takesTheDefaultWhenTheFirstIsEmpty() throws PolicyException {
        PolicyContext context = context("User-Name=bob", "NAS-Port=7");
        // Verified with FreeRADIUS 3.2.1: this template gives "mg1-7--dflt-%-10" for user mg1.
        context.reply().merge(item("Session-Timeout", "=", "10"));
        assertThat(expand("%{User-Name}-%{NAS-Port}-%{Calling-Station-Id}-%{%{Calling-Station-Id}:-dflt}-%%-"
                + "%{reply:Session-Timeout}", context)).isEqualTo("bob-7--dflt-%-10");
        assertThat(expand("%{%{Stripped-User-Name}:-%{User-Name}}", context)).isEqualTo("bob");
        assertThat(expand("%{Calling-Station-Id:-none}", context)).isEqualTo("none");
        assertThat(expand("%{User-Name:-none}", context)).isEqualTo("bob");
        assertThat(expand("%{%{Calling-Station-Id}:-%{%{Called-Station-Id}:-x%{NAS-Port}}}", context))
                .isEqualTo("x7");
    }

    @Test
    void expandsWhereTheRequestCameFromAndWhen() throws PolicyException {
        PolicyContext context = context("User-Name=bob", "Event-Timestamp=1704067200");
        assertThat(expand("%{Packet-Src-IP-Address} %{Client-IP-Address}", context))
                .isEqualTo("192.0.2.10 192.0.2.10");
        assertThat(expand("%{Packet-Type}", context)).isEqualTo("Access-Request");
        assertThat(expand("%{Event-Timestamp}", context)).isEqualTo("Jan  1 2024 00:00:00 UTC");
        assertThat(expand("detail-%Y%m%d-%H %D %l", context)).isEqualTo("detail-20261121-10 20261121 1795257133");
        assertThat(expand("%t", context)).isEqualTo("Sat Nov 21 10:32:13 2026");
        assertThat(expand("%{Pool-Name}", context)).isEmpty();
    }

    @Test
    void literalsAndEscapes() throws PolicyException {
        Expansion literal = Expansion.parse("50%% off", DICTIONARY);
        assertThat(literal.isLiteral()).isTrue();
        assertThat(literal.literal()).isEqualTo("50% off");
        assertThat(Expansion.parse("%{User-Name}", DICTIONARY).isLiteral()).isFalse();
        assertThat(Expansion.escape("50% off")).isEqualTo("50%% off");
        assertThat(Expansion.unescape("50%% off")).isEqualTo("50% off");
    }

    @Test
    void reportsSyntaxErrorsWhenLoaded() {
        assertThatThrownBy(() -> Expansion.parse("%{User-Name", DICTIONARY)).isInstanceOf(PolicyException.class)
                .hasMessageContaining("not closed");
        assertThatThrownBy(() -> Expansion.parse("%{Foo-Bar}", DICTIONARY))
                .hasMessage("in \"%{Foo-Bar}\": %{Foo-Bar}: unknown attribute Foo-Bar");
        assertThatThrownBy(() -> Expansion.parse("%{md5:%{User-Name}}", DICTIONARY))
                .hasMessageContaining("unknown list or function md5");
        assertThatThrownBy(() -> Expansion.parse("50% off", DICTIONARY))
                .hasMessage("in \"50% off\": \"% \" is not an expansion Pirog knows; write %% for a percent sign");
        assertThatThrownBy(() -> Expansion.parse("100%", DICTIONARY)).hasMessageContaining("a lone %");
        assertThatThrownBy(() -> Expansion.parse("%{}", DICTIONARY)).hasMessageContaining("names no attribute");
        assertThatThrownBy(() -> Expansion.parse("%{User-Password}", DICTIONARY))
                .hasMessageContaining("hidden");
        assertThatThrownBy(() -> Expansion.parse("%{Class[1]}", DICTIONARY)).hasMessageContaining("first instance");
        assertThatThrownBy(() -> Expansion.parse("%{%{User-Name}", DICTIONARY)).isInstanceOf(PolicyException.class);
    }
}
