package org.pirog.radius.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pirog.radius.core.auth.Requests.control;
import static org.pirog.radius.core.auth.Requests.item;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pirog.radius.core.policy.PolicyItem;

class KnownGoodPasswordsTest {
    private final KnownGoodPasswords passwords =
            new KnownGoodPasswords(new ControlAttributes(Requests.DICTIONARY), 16);

    @Test
    void aStoredValueIsDecodedOnceForEqualItems() {
        KnownGoodPassword first = passwords.decoded(item("SSHA-Password", "aRKeBKF8nHmqnMCa05W827T6AnoBAgMEBQYHCA=="),
                PasswordForm.SSHA1);
        // An equal item, as a backend reading the same row again would return.
        KnownGoodPassword second = passwords.decoded(item("SSHA-Password", "aRKeBKF8nHmqnMCa05W827T6AnoBAgMEBQYHCA=="),
                PasswordForm.SSHA1);
        assertThat(second).isSameAs(first);
        assertThat(first.octets()).hasSize(28);
    }

    @Test
    void findFollowsFreeRadiusOrder() {
        List<PolicyItem> control = control("Password-With-Header", "{nt}" + StoredPasswords.NT_HASH,
                "NT-Password", "00112233445566778899AABBCCDDEEFF");
        assertThat(passwords.find(control, PasswordForm.NT).octets()).startsWith(0x00, 0x11);
        assertThat(passwords.find(control("Password-With-Header", "{nt}" + StoredPasswords.NT_HASH),
                PasswordForm.NT)).isNotNull();
        // A Cleartext-Password makes rlm_pap ignore Password-With-Header.
        assertThat(passwords.find(control("Cleartext-Password", "x", "Password-With-Header",
                "{nt}" + StoredPasswords.NT_HASH), PasswordForm.NT)).isNull();
        // Unusable values are passed over.
        assertThat(passwords.find(control("NT-Password", "short"), PasswordForm.NT)).isNull();
    }

    @Test
    void valuesNeverShowInToString() {
        KnownGoodPassword known = passwords.decoded(item("Cleartext-Password", "s3cret"), PasswordForm.CLEARTEXT);
        assertThat(known.toString()).isEqualTo("Cleartext-Password").doesNotContain("s3cret");
    }
}
