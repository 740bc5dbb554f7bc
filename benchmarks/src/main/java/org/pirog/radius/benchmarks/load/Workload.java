package org.pirog.radius.benchmarks.load;

import java.util.SplittableRandom;
import org.pirog.radius.codec.crypto.SharedSecret;
import org.pirog.radius.codec.dictionary.Dictionary;

/**
 * The requests of one type, precomputed per user as far as they can be, and the checks specific to their
 * replies. {@link #write} then only patches the Identifier, Authenticator and per-request values and signs.
 * Instances are immutable after construction and shared by all sockets.
 */
abstract class Workload {
    static final Dictionary DICTIONARY = Dictionary.pirog();

    final SharedSecret secret;
    final UserPattern users;

    Workload(SharedSecret secret, UserPattern users) {
        this.secret = secret;
        this.users = users;
    }

    static Workload of(RequestType type, SharedSecret secret, UserPattern users, long seed) {
        return switch (type) {
            case PAP -> new PapWorkload(secret, users);
            case MSCHAPV2 -> new MsChapV2Workload(secret, users, seed);
            case ACCT -> new AccountingWorkload(secret, users, seed);
        };
    }

    /** The reply code that means success: Access-Accept or Accounting-Response. */
    abstract int expectedCode();

    /** Whether replies are Access replies, which BlastRADIUS hardening signs with a Message-Authenticator. */
    abstract boolean isAccess();

    /**
     * Writes the signed request of {@code lane} with {@code identifier} into {@code out} and returns its length;
     * octets 4..20 of {@code out} are then its Request Authenticator. {@code nextUser} is the user to take when
     * the lane starts something new.
     */
    abstract int write(Lane lane, int nextUser, int identifier, SplittableRandom random, byte[] out);

    /** Checks beyond code and authenticators, e.g. MS-CHAP2-Success. */
    Verdict checkContent(Lane lane, byte[] reply, int length) {
        return Verdict.OK;
    }

    /** The lane's exchange is over, answered or not: move its state on. */
    void completed(Lane lane) {
    }

    static void randomAuthenticator(SplittableRandom random, byte[] out) {
        long high = random.nextLong();
        long low = random.nextLong();
        for (int i = 0; i < 8; i++) {
            out[4 + i] = (byte) (high >>> (56 - 8 * i));
            out[12 + i] = (byte) (low >>> (56 - 8 * i));
        }
    }
}
