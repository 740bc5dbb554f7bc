package org.pirog.radius.backend.memory.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UsersLineTest {

    @Test
    void readsNamesItemsAndCommas() throws UsersSyntaxException {
        UsersLine line = new UsersLine("bob\tCleartext-Password := \"x\", NAS-Port==5 # comment");
        assertThat(line.name()).isEqualTo("bob");
        assertThat(line.item()).isEqualTo(new RawItem("Cleartext-Password", -1, ":=", "x", RawItem.Quoting.DOUBLE));
        assertThat(line.comma()).isTrue();
        assertThat(line.item()).isEqualTo(new RawItem("NAS-Port", -1, "==", "5", RawItem.Quoting.BARE));
        assertThat(line.comma()).isFalse();
        assertThat(line.atEnd()).isTrue();
    }

    @Test
    void quotedNames() throws UsersSyntaxException {
        assertThat(new UsersLine("\"john doe\" Auth-Type := Accept").name()).isEqualTo("john doe");
    }

    @Test
    void doubleQuotesResolveTheEscapesFreeRadiusResolves() throws UsersSyntaxException {
        // FreeRADIUS 3.2.1 turned "a\qb\"c\\d\te\nf" into a\qb"c\d<TAB>e<LF>f.
        RawItem item = new UsersLine("Reply-Message = \"a\\qb\\\"c\\\\d\\te\\nf\"").item();
        assertThat(item.value()).isEqualTo("a\\qb\"c\\d\te\nf");
        assertThat(new UsersLine("Reply-Message = 'it\\'s \\n'").item().value()).isEqualTo("it's \\n");
    }

    @Test
    void bareWordsStopAtBlanksCommasAndComments() throws UsersSyntaxException {
        // FreeRADIUS 3.2.1: 'Reply-Message = foo#bar' gives "foo".
        assertThat(new UsersLine("Reply-Message = foo#bar").item().value()).isEqualTo("foo");
        UsersLine line = new UsersLine("Framed-IP-Address = 10.0.0.1,Idle-Timeout=5");
        assertThat(line.item().value()).isEqualTo("10.0.0.1");
        assertThat(line.comma()).isTrue();
        assertThat(line.item()).isEqualTo(new RawItem("Idle-Timeout", -1, "=", "5", RawItem.Quoting.BARE));
    }

    @Test
    void tagsAndEveryOperator() throws UsersSyntaxException {
        assertThat(new UsersLine("Tunnel-Type:1 = L2TP").item())
                .isEqualTo(new RawItem("Tunnel-Type", 1, "=", "L2TP", RawItem.Quoting.BARE));
        for (String op : new String[] {"=", ":=", "+=", "==", "!=", ">", ">=", "<", "<=", "=~", "!~", "=*", "!*"}) {
            assertThat(new UsersLine("Class " + op + " x").item().operator()).isEqualTo(op);
        }
        assertThat(new UsersLine("Class !*").item()).isEqualTo(new RawItem("Class", -1, "!*", "",
                RawItem.Quoting.BARE));
    }

    @Test
    void reportsWhatItCannotRead() {
        assertThatThrownBy(() -> new UsersLine("Reply-Message = \"open").item())
                .hasMessageContaining("is not closed");
        assertThatThrownBy(() -> new UsersLine("Reply-Message = `/bin/true`").item())
                .hasMessageContaining("run programs");
        assertThatThrownBy(() -> new UsersLine("Reply-Message -= x").item())
                .hasMessageContaining("expected an operator");
        assertThatThrownBy(() -> new UsersLine("Reply-Message ===x").item())
                .hasMessageContaining("unknown operator ===");
        assertThatThrownBy(() -> new UsersLine("Reply-Message =").item()).hasMessageContaining("expected a value");
        assertThatThrownBy(() -> new UsersLine(":= x").item()).hasMessageContaining("expected an attribute name");
    }
}
