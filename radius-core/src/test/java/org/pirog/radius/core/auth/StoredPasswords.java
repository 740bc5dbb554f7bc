package org.pirog.radius.core.auth;

import java.util.List;

/**
 * Stored forms of one password, {@value #PASSWORD}, with the reason rlm_pap gives when a wrong password is offered.
 * Hashes were made independently of Pirog: python3 hashlib and crypt (libxcrypt), {@code openssl passwd -1/-6},
 * and {@code smbencrypt} for the NT and LM hashes. Every entry not marked otherwise was put in a FreeRADIUS 3.2.1
 * {@code users} file and checked with {@code radtest}: Access-Accept for the password, Access-Reject with this
 * reason in {@code Login incorrect (...)} for {@code wrong-pw}.
 */
final class StoredPasswords {
    static final String PASSWORD = "hunter2-pirog";
    static final String WRONG = "wrong-pw";
    /** smbencrypt hunter2-pirog */
    static final String NT_HASH = "A19E4457D58627F57BC3DB0110B041EF";
    static final String LM_HASH = "93D1F9EA182DF34B514EFFC32C9A9D82";

    static final String CLEARTEXT = "pap: Cleartext password does not match \"known good\" password";
    static final String CRYPT = "pap: Crypt digest does not match \"known good\" digest";

    /** A stored password: the control attribute and its value, and the reject reason for a wrong password. */
    record Stored(String attribute, String value, String reason) {
        @Override
        public String toString() {
            return attribute + " " + (value.length() > 40 ? value.substring(0, 40) + "…" : value);
        }
    }

    static final List<Stored> ALL = List.of(
            new Stored("Cleartext-Password", PASSWORD, CLEARTEXT),
            new Stored("MD5-Password", "17712687b3d6a97b9516000c9ff92ec8", digest("MD5")),
            new Stored("MD5-Password", "F3Emh7PWqXuVFgAMn/kuyA==", digest("MD5")),
            new Stored("SMD5-Password", "4f595152dffe8824c2702e3509af61420102030405060708", digest("SMD5")),
            new Stored("SMD5-Password", "T1lRUt/+iCTCcC41Ca9hQgECAwQFBgcI", digest("SMD5")),
            new Stored("SHA-Password", "28d5c6d411d27d4992a4350337b38137438d719c", digest("SHA1")),
            new Stored("SHA1-Password", "KNXG1BHSfUmSpDUDN7OBN0ONcZw=", digest("SHA1")),
            new Stored("SSHA-Password", "69129e04a17c9c79aa9cc09ad395bcdbb4fa027a0102030405060708", digest("SSHA")),
            new Stored("SSHA1-Password", "aRKeBKF8nHmqnMCa05W827T6AnoBAgMEBQYHCA==", digest("SSHA")),
            new Stored("SHA2-Password", "e346ef87c4fe08b9e20f18b8e77dffcecd71df63ddd910f8ae0d85ba", digest("SHA2-224")),
            new Stored("SHA2-Password", "40bvh8T+CLniDxi4533/zs1x32Pd2RD4rg2Fug==", digest("SHA2-224")),
            new Stored("SHA2-Password", "92e426aff1885391c14f7a6b4e0adb38a0e23a9999c118b941f03452672376a2",
                    digest("SHA2-256")),
            new Stored("SHA2-Password", "kuQmr/GIU5HBT3prTgrbOKDiOpmZwRi5QfA0UmcjdqI=", digest("SHA2-256")),
            new Stored("SHA2-Password", "0054b6572389991b91ebe11e6aafecbc2c5797823123acb5347f48fa5035f1cbd2fa0af21386ca"
                    + "5185bae26c1445791a", digest("SHA2-384")),
            new Stored("SHA2-Password", "PvQ31ElZ+tRXB24cOFAhNU5gBbWHFto1jsEcmmGCJDfy3SiGI2AxvjCvBwqhY2SGepgE+zZPyCys94gG"
                    + "49klig==", digest("SHA2-512")),
            new Stored("SSHA2-224-Password", "54eca34baef21fe6df84863c8b4e58523aec5914803a443f065d1deb0102030405060708",
                    digest("SSHA2-224")),
            new Stored("SSHA2-224-Password", "VOyjS67yH+bfhIY8i05YUjrsWRSAOkQ/Bl0d6wECAwQFBgcI", digest("SSHA2-224")),
            new Stored("SSHA2-256-Password", "c6729528246bf5ca69787d47e223bee10ba0a07689a9959e8e60d7d0775d7a6c01020304050"
                    + "60708", digest("SSHA2-256")),
            new Stored("SSHA2-256-Password", "xnKVKCRr9cppeH1H4iO+4QugoHaJqZWejmDX0HddemwBAgMEBQYHCA==",
                    digest("SSHA2-256")),
            new Stored("SSHA2-384-Password", "lecp8G7i+/El00ztUTk2XvMkrliPNvK3taE9B81xyPFy6at5jlRdoPzBzvL/yM3OAQIDBAUGBwg=",
                    digest("SSHA2-384")),
            new Stored("SSHA2-512-Password", "63502ea3d19cf7a5059fba34d73bd22c876171c5eddee99611bcbef360567241faf26f95691"
                    + "52a51a05e4c043de9e81017cd5aeb3bbc22111e9345c4fec107450102030405060708", digest("SSHA2-512")),
            new Stored("SSHA2-512-Password", "Y1Auo9Gc96UFn7o01zvSLIdhccXt3umWEby+82BWckH68m+VaRUqUaBeTAQ96egQF81a6zu8IhEe"
                    + "k0XE/sEHRQECAwQFBgcI", digest("SSHA2-512")),
            // Not in FreeRADIUS 3.2.1 (later releases have SSHA3): python3 hashlib.sha3_*.
            new Stored("SSHA3-224-Password", "vK+dxTd8ayInQZcuIv9rU7uBlt96ixQbtJU29gECAwQFBgcI", digest("SSHA3-224")),
            new Stored("SSHA3-256-Password", "6QHIP3+NcpCZoC6vb4u8w4TwdPjlW5XwQqOz51R9K2UBAgMEBQYHCA==",
                    digest("SSHA3-256")),
            new Stored("SSHA3-384-Password", "x9FxcXeovKuBWMzq/eIW7qEfTTn3w/dZr1WG36oVjNqLsGMghM70IHSgIAFOSZFbAQIDBAUGBwg=",
                    digest("SSHA3-384")),
            new Stored("SSHA3-512-Password", "wclKQIpumGrgx9oELP06KreJEA7DHwldsA5A3zXicD4C7TmGcLtWuqJEC67+ZqUFTee6+A51yI2Q"
                    + "aiPjhAkFmwECAwQFBgcI", digest("SSHA3-512")),
            new Stored("PBKDF2-Password", "HMACSHA1:AAAD6A==:cGlyb2ctc2FsdC0xNmJ5dA==:d3OndPDEQziy2JyyaoRztAWwhtQ=",
                    digest("PBKDF2")),
            new Stored("PBKDF2-Password", "HMACSHA2+256:AAAnEA==:cGlyb2ctc2FsdC0xNmJ5dA==:/K/vWXVfi56vFZ05qcASn33hRE+b"
                    + "vEEjLa/v+as/v3w=", digest("PBKDF2")),
            new Stored("PBKDF2-Password", "$PBKDF2$HMACSHA1:1000:cGlyb2ctc2FsdC0xNmJ5dA==$d3OndPDEQziy2JyyaoRztAWwhtQ=",
                    digest("PBKDF2")),
            new Stored("PBKDF2-Password", "$pbkdf2-sha256$29000$cGlyb2ctc2FsdC0xNmJ5dA$L0st2G3SNW9BF37ASLkzQBTbWMADV1K4yS"
                    + "/0W9I5Djg", digest("PBKDF2")),
            new Stored("NT-Password", NT_HASH, digest("NT")),
            new Stored("NT-Password", "0x" + NT_HASH, digest("NT")),
            new Stored("LM-Password", LM_HASH, digest("LM")),
            new Stored("Crypt-Password", "$1$Pirog123$CEwotUhOZ8oZnGJLXH1sB1", CRYPT),
            new Stored("Crypt-Password", "$5$PirogSalt1234$PxS3WjfMRh8HIkHnFEznN6RUm0/1sWq7ecZkHY1FEP9", CRYPT),
            new Stored("Crypt-Password", "$6$PirogSalt1234$OjXJf2AQu64PtAl/aVwpf2BIgappvUonxfJ09u6zkPJIwGtFK4HX3DI63IwV"
                    + "NQ9haBEjsMSceZYU9VLahzQ/E1", CRYPT),
            new Stored("Crypt-Password", "pXa9Z.MTpp522", CRYPT),
            new Stored("Crypt-Password", "$2a$05$abcdefghijklmnopqrstuuDZsdcREZE1nn4J22MN9U25xKmFU6rwO", CRYPT),
            new Stored("Crypt-Password", "$2b$05$abcdefghijklmnopqrstuuDZsdcREZE1nn4J22MN9U25xKmFU6rwO", CRYPT),
            new Stored("Crypt-Password", "$2y$05$abcdefghijklmnopqrstuuDZsdcREZE1nn4J22MN9U25xKmFU6rwO", CRYPT),
            new Stored("NS-MTA-MD5-Password", "7ad17b58a4fc89f3300673c53d3ce31cPirogSaltPirogSaltPirogSaltPirog",
                    digest("NS-MTA-MD5")),
            new Stored("Password-With-Header", "{cleartext}" + PASSWORD, CLEARTEXT),
            new Stored("Password-With-Header", "{clear}" + PASSWORD, CLEARTEXT),
            new Stored("Password-With-Header", "{CLEARTEXT}" + PASSWORD, CLEARTEXT),
            new Stored("Password-With-Header", PASSWORD, CLEARTEXT),
            new Stored("Password-With-Header", "{crypt}$1$Pirog123$CEwotUhOZ8oZnGJLXH1sB1", CRYPT),
            new Stored("Password-With-Header", "{md5}F3Emh7PWqXuVFgAMn/kuyA==", digest("MD5")),
            new Stored("Password-With-Header", "{md5}17712687b3d6a97b9516000c9ff92ec8", digest("MD5")),
            new Stored("Password-With-Header", "{base64_md5}F3Emh7PWqXuVFgAMn/kuyA==", digest("MD5")),
            new Stored("Password-With-Header", "{smd5}T1lRUt/+iCTCcC41Ca9hQgECAwQFBgcI", digest("SMD5")),
            new Stored("Password-With-Header", "{sha}KNXG1BHSfUmSpDUDN7OBN0ONcZw=", digest("SHA1")),
            new Stored("Password-With-Header", "{SHA}KNXG1BHSfUmSpDUDN7OBN0ONcZw=", digest("SHA1")),
            new Stored("Password-With-Header", "{ssha}aRKeBKF8nHmqnMCa05W827T6AnoBAgMEBQYHCA==", digest("SSHA")),
            new Stored("Password-With-Header", "{sha256}kuQmr/GIU5HBT3prTgrbOKDiOpmZwRi5QfA0UmcjdqI=",
                    digest("SHA2-256")),
            new Stored("Password-With-Header", "{sha512}PvQ31ElZ+tRXB24cOFAhNU5gBbWHFto1jsEcmmGCJDfy3SiGI2AxvjCvBwqhY2SG"
                    + "epgE+zZPyCys94gG49klig==", digest("SHA2-512")),
            new Stored("Password-With-Header", "{sha2}40bvh8T+CLniDxi4533/zs1x32Pd2RD4rg2Fug==", digest("SHA2-224")),
            new Stored("Password-With-Header", "{ssha256}xnKVKCRr9cppeH1H4iO+4QugoHaJqZWejmDX0HddemwBAgMEBQYHCA==",
                    digest("SSHA2-256")),
            new Stored("Password-With-Header", "{ssha512}Y1Auo9Gc96UFn7o01zvSLIdhccXt3umWEby+82BWckH68m+VaRUqUaBeTAQ96eg"
                    + "QF81a6zu8IhEek0XE/sEHRQECAwQFBgcI", digest("SSHA2-512")),
            new Stored("Password-With-Header", "{nt}" + NT_HASH, digest("NT")),
            new Stored("Password-With-Header", "{nthash}" + NT_HASH, digest("NT")),
            new Stored("Password-With-Header", "{x-nthash}" + NT_HASH, digest("NT")),
            new Stored("Password-With-Header", "{md4}" + NT_HASH, digest("NT")),
            new Stored("Password-With-Header", "{x-pbkdf2}HMACSHA2+256:AAAnEA==:cGlyb2ctc2FsdC0xNmJ5dA==:/K/vWXVfi56vFZ0"
                    + "5qcASn33hRE+bvEEjLa/v+as/v3w=", digest("PBKDF2")),
            new Stored("Password-With-Header", "{ns-mta-md5}7ad17b58a4fc89f3300673c53d3ce31cPirogSaltPirogSaltPirogSaltP"
                    + "irog", digest("NS-MTA-MD5")),
            // base64 of "{ssha}" + the SSHA octets, and of "{clear}hunter2-pirog"
            new Stored("Password-With-Header", "e3NzaGF9aRKeBKF8nHmqnMCa05W827T6AnoBAgMEBQYHCA==", digest("SSHA")),
            new Stored("Password-With-Header", "e2NsZWFyfWh1bnRlcjItcGlyb2c=", CLEARTEXT),
            // Not in FreeRADIUS 3.2.1; the values are the SSHA3-256 and PBKDF2 ones above.
            new Stored("Password-With-Header", "{ssha3-256}6QHIP3+NcpCZoC6vb4u8w4TwdPjlW5XwQqOz51R9K2UBAgMEBQYHCA==",
                    digest("SSHA3-256")),
            new Stored("Password-With-Header", "{PBKDF2-SHA256}29000$cGlyb2ctc2FsdC0xNmJ5dA$L0st2G3SNW9BF37ASLkzQBTbWMAD"
                    + "V1K4yS/0W9I5Djg", digest("PBKDF2")));

    private StoredPasswords() {
    }

    static String digest(String label) {
        return "pap: " + label + " digest does not match \"known good\" digest";
    }
}
