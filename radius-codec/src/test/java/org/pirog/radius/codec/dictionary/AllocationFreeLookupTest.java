package org.pirog.radius.codec.dictionary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The lookups the packet decoder makes per attribute must not allocate (style.md: 0 B/op). */
class AllocationFreeLookupTest {

    private static final int LOOKUPS = 100_000;
    /** Slack for what the measuring itself may allocate (e.g. a lazily initialised MXBean internal). */
    private static final long ALLOWED_BYTES = 1024;

    @Test
    void lookupsAllocateNothing() throws DictionaryException {
        assumeTrue(Files.isRegularFile(FreeRadiusTreeTest.TREE), "FreeRADIUS dictionaries not installed");
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        Dictionary dictionary = Dictionary.load(FreeRadiusTreeTest.TREE);
        String[] names = {"User-Name", "user-password", "MS-CHAP2-Response", "WIMAX-RELEASE", "Frag-Status",
                "No-Such-Attribute", "Acct-Status-Type", "FreeRADIUS-802.1X-Anonce"};
        StringBuilder mutableName = new StringBuilder("Service-Type");
        AttributeDefinition serviceType = dictionary.attribute("Service-Type");
        AttributeDefinition extended = dictionary.attribute(0, 245);
        AttributeDefinition evs = extended.child(26);

        long thread = Thread.currentThread().threadId();
        long checksum = run(dictionary, names, mutableName, serviceType, evs); // warm up, let the JIT settle
        long before = threads.getThreadAllocatedBytes(thread);
        checksum += run(dictionary, names, mutableName, serviceType, evs);
        long allocated = threads.getThreadAllocatedBytes(thread) - before;

        assertThat(checksum).isPositive();
        assertThat(allocated).as("bytes allocated by %d lookups", LOOKUPS * 9L).isLessThanOrEqualTo(ALLOWED_BYTES);
    }

    private static long run(Dictionary dictionary, String[] names, CharSequence mutableName,
            AttributeDefinition serviceType, AttributeDefinition evs) {
        long found = 0;
        for (int i = 0; i < LOOKUPS; i++) {
            found += dictionary.attribute(names[i & 7]) != null ? 1 : 0;
            found += dictionary.attribute(mutableName) != null ? 1 : 0;
            found += dictionary.attribute(0, 1 + (i & 0xFF) % 255) != null ? 1 : 0;
            found += dictionary.attribute(311, i & 0x3F) != null ? 1 : 0;
            found += dictionary.attribute(429, 0x9800 + (i & 0xF)) != null ? 1 : 0; // USR, 4-octet types
            found += dictionary.attribute(999_999, 1) != null ? 1 : 0;
            found += serviceType.valueName(i & 0xF) != null ? 1 : 0;
            found += serviceType.valueNumber("framed-user", -1);
            found += evs.evsAttribute(11344, i & 3) != null ? 1 : 0;
        }
        return found;
    }
}
