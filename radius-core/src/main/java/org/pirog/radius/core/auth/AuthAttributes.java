package org.pirog.radius.core.auth;

import org.jspecify.annotations.Nullable;
import org.pirog.radius.codec.dictionary.AttributeDefinition;
import org.pirog.radius.codec.dictionary.Dictionary;

/**
 * The request and reply attributes authentication reads and writes, resolved once from the dictionary. The
 * Microsoft ones may be missing from a custom dictionary; MS-CHAP is then off, as its attributes could not be
 * decoded anyway.
 */
final class AuthAttributes {
    final AttributeDefinition userName;
    final AttributeDefinition userPassword;
    final @Nullable AttributeDefinition chapPassword;
    final @Nullable AttributeDefinition chapChallenge;
    final @Nullable AttributeDefinition eapMessage;
    final @Nullable AttributeDefinition msChapChallenge;
    final @Nullable AttributeDefinition msChapResponse;
    final @Nullable AttributeDefinition msChap2Response;
    final @Nullable AttributeDefinition msChap2Success;
    final @Nullable AttributeDefinition msChapError;
    final @Nullable AttributeDefinition msChapMppeKeys;
    final @Nullable AttributeDefinition msMppeSendKey;
    final @Nullable AttributeDefinition msMppeRecvKey;
    final @Nullable AttributeDefinition msMppeEncryptionPolicy;
    final @Nullable AttributeDefinition msMppeEncryptionTypes;
    /** Whether every attribute MS-CHAP v1 and v2 need, request and reply, is in the dictionary. */
    final boolean msChap;

    AuthAttributes(Dictionary dictionary) {
        userName = required(dictionary, "User-Name");
        userPassword = required(dictionary, "User-Password");
        chapPassword = dictionary.attribute("CHAP-Password");
        chapChallenge = dictionary.attribute("CHAP-Challenge");
        eapMessage = dictionary.attribute("EAP-Message");
        msChapChallenge = dictionary.attribute("MS-CHAP-Challenge");
        msChapResponse = dictionary.attribute("MS-CHAP-Response");
        msChap2Response = dictionary.attribute("MS-CHAP2-Response");
        msChap2Success = dictionary.attribute("MS-CHAP2-Success");
        msChapError = dictionary.attribute("MS-CHAP-Error");
        msChapMppeKeys = dictionary.attribute("MS-CHAP-MPPE-Keys");
        msMppeSendKey = dictionary.attribute("MS-MPPE-Send-Key");
        msMppeRecvKey = dictionary.attribute("MS-MPPE-Recv-Key");
        msMppeEncryptionPolicy = dictionary.attribute("MS-MPPE-Encryption-Policy");
        msMppeEncryptionTypes = dictionary.attribute("MS-MPPE-Encryption-Types");
        msChap = msChapChallenge != null && msChapResponse != null && msChap2Response != null
                && msChap2Success != null && msChapError != null && msChapMppeKeys != null && msMppeSendKey != null
                && msMppeRecvKey != null && msMppeEncryptionPolicy != null && msMppeEncryptionTypes != null;
    }

    private static AttributeDefinition required(Dictionary dictionary, String name) {
        AttributeDefinition definition = dictionary.attribute(name);
        if (definition == null) {
            throw new IllegalArgumentException("the dictionary lacks " + name + ", which authentication needs");
        }
        return definition;
    }
}
