package org.pirog.radius.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pirog.radius.core.policy.Requests.item;

import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyListTest {

    @Test
    void setAddsOnlyWhenAbsent() {
        PolicyList list = new PolicyList();
        list.merge(item("Session-Timeout", "=", "10"));
        list.merge(item("Session-Timeout", "=", "20"));
        assertThat(list.items()).containsExactly(item("Session-Timeout", "=", "10"));
    }

    @Test
    void assignReplacesTheFirstInstanceOrAdds() {
        PolicyList list = new PolicyList(List.of(item("Reply-Message", "=", "a"), item("Reply-Message", "=", "b")));
        list.merge(item("Reply-Message", ":=", "c"));
        list.merge(item("Idle-Timeout", ":=", "5"));
        assertThat(list.items()).containsExactly(item("Reply-Message", ":=", "c"), item("Reply-Message", "=", "b"),
                item("Idle-Timeout", ":=", "5"));
    }

    @Test
    void addAlwaysAppends() {
        PolicyList list = new PolicyList(List.of(item("Reply-Message", "=", "a")));
        list.merge(item("Reply-Message", "+=", "b"));
        assertThat(list.items()).extracting(PolicyItem::value).containsExactly("a", "b");
    }

    @Test
    void aBatchMergesAgainstTheListAsItWasBefore() {
        // FreeRADIUS 3.2.1: an entry with 'Reply-Message = "a", Reply-Message = "b"' gives both, and
        // 'Tunnel-Type:1 = L2TP, Tunnel-Type:2 = PPTP' both tunnels.
        PolicyList list = new PolicyList();
        list.merge(List.of(item("Reply-Message", "=", "a"), item("Reply-Message", "=", "b"),
                item("Tunnel-Type:1", "=", "L2TP"), item("Tunnel-Type:2", "=", "PPTP")));
        assertThat(list.size()).isEqualTo(4);
        // A later entry's '=' sees them, whatever the tag.
        list.merge(List.of(item("Tunnel-Type:3", "=", "GRE")));
        assertThat(list.size()).isEqualTo(4);
        list.merge(List.of(item("Reply-Message", ":=", "x"), item("Reply-Message", ":=", "y"),
                item("Reply-Message", ":=", "z")));
        assertThat(list.items()).extracting(PolicyItem::value).containsExactly("x", "y", "L2TP", "PPTP", "z");
    }

    @Test
    void aComparisonDoesNotAssign() {
        assertThatThrownBy(() -> new PolicyList().merge(item("Session-Timeout", "==", "1")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aliasesNameOneAttribute() {
        PolicyList list = new PolicyList(List.of(item("SHA-Password", ":=", "0x00")));
        list.merge(item("SHA1-Password", ":=", "0x01"));
        assertThat(list.items()).extracting(PolicyItem::value).containsExactly("0x01");
    }
}
