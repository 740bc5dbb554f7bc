package org.pirog.radius.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pirog.radius.core.policy.Requests.DICTIONARY;
import static org.pirog.radius.core.policy.Requests.context;
import static org.pirog.radius.core.policy.Requests.item;

import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyRuleTest {

    @Test
    void matchesWhenEveryCheckItemMatches() throws PolicyException {
        PolicyRule rule = PolicyRule.compile("bob",
                List.of(item("Cleartext-Password", ":=", "x"), item("NAS-Port", ">", "10"),
                        item("NAS-Port-Type", "==", "Virtual")),
                List.of(item("Reply-Message", "=", "hi")), DICTIONARY);
        assertThat(rule.matches(context("NAS-Port=11", "NAS-Port-Type=Virtual"))).isTrue();
        assertThat(rule.matches(context("NAS-Port=10", "NAS-Port-Type=Virtual"))).isFalse();
        assertThat(rule.matches(context("NAS-Port=11"))).isFalse();
    }

    @Test
    void appliesControlThenReplyWithExpansions() throws PolicyException {
        PolicyContext context = context("User-Name=bob", "NAS-Port=7");
        PolicyRule first = PolicyRule.compile("bob", List.of(item("Cleartext-Password", ":=", "x")),
                List.of(item("Reply-Message", "=", "a"), item("Reply-Message", "=", "b"),
                        item("Fall-Through", "=", "Yes")), DICTIONARY);
        PolicyRule second = PolicyRule.compile("bob", List.of(item("Pool-Name", ":=", "main")),
                List.of(item("Reply-Message", ":=", "c"), item("Session-Timeout", "=", "10"),
                        item("Session-Timeout", "=", "20")), DICTIONARY);
        PolicyRule third = PolicyRule.compile("DEFAULT", List.of(item("User-Name", "==", "bob")),
                List.of(item("Reply-Message", "=", "d"), item("Session-Timeout", "+=", "30"),
                        item("Idle-Timeout", ":=", "%{reply:Session-Timeout}"),
                        item("Class", "=", "%{control:Pool-Name}/%{NAS-Port}")), DICTIONARY);
        assertThat(first.fallThrough()).isTrue();
        assertThat(second.fallThrough()).isFalse();
        for (PolicyRule rule : List.of(first, second, third)) {
            assertThat(rule.matches(context)).isTrue();
            rule.apply(context);
        }
        assertThat(context.control().items()).containsExactly(item("Cleartext-Password", ":=", "x"),
                item("Pool-Name", ":=", "main"));
        // As FreeRADIUS 3.2.1 answered this sequence of entries: "c", "b", Session-Timeout 10 (and 20, and 30).
        assertThat(context.reply().items()).containsExactly(item("Reply-Message", ":=", "c"),
                item("Reply-Message", "=", "b"), item("Session-Timeout", "=", "10"),
                item("Session-Timeout", "=", "20"), item("Session-Timeout", "+=", "30"),
                item("Idle-Timeout", ":=", "10"), item("Class", "=", "main/7"));
    }

    @Test
    void fallThroughIsReadAndNeverMerged() throws PolicyException {
        PolicyRule no = PolicyRule.compile("x", List.of(), List.of(item("Fall-Through", "=", "No")), DICTIONARY);
        assertThat(no.fallThrough()).isFalse();
        assertThat(no.reply()).isEmpty();
    }

    @Test
    void aReplyExpansionThatIsNoValueIsLeftOut() throws PolicyException {
        PolicyContext context = context("User-Name=bob");
        PolicyRule rule = PolicyRule.compile("bob", List.of(),
                List.of(item("Session-Timeout", "=", "%{User-Name}"), item("Reply-Message", "=", "50%%")), DICTIONARY);
        rule.apply(context);
        assertThat(context.reply().items()).containsExactly(item("Reply-Message", "=", "50%%"));
    }

    @Test
    void replyItemsAssign() {
        assertThatThrownBy(() -> PolicyRule.compile("bob", List.of(), List.of(item("Session-Timeout", "==", "1")),
                DICTIONARY)).hasMessageContaining("a reply item assigns with =, := or +=");
        assertThatThrownBy(() -> PolicyRule.compile("bob", List.of(), List.of(item("Session-Timeout", "=", "x")),
                DICTIONARY)).hasMessageContaining("\"x\" is not an integer or a VALUE name for Session-Timeout");
    }
}
