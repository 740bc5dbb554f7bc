package org.pirog.radius.codec.packet;

import static org.pirog.radius.codec.packet.AttributeIndex.FLAGS;
import static org.pirog.radius.codec.packet.AttributeIndex.LENGTH;
import static org.pirog.radius.codec.packet.AttributeIndex.OFFSET;
import static org.pirog.radius.codec.packet.AttributeIndex.STRIDE;

import java.util.Arrays;
import org.pirog.radius.codec.dictionary.AttributeDefinition;

/**
 * A growable attribute index and side buffer of joined fragment values, filled while a packet is decoded or
 * built. The decoder keeps one per thread and copies out exactly-sized arrays, so a decode allocates only what
 * the packet keeps.
 */
final class AttributeList {
    private static final AttributeDefinition[] NO_DEFINITIONS = new AttributeDefinition[0];
    private static final int[] NO_INDEX = new int[0];

    private int[] index = new int[32 * STRIDE];
    private AttributeDefinition[] definitions = new AttributeDefinition[32];
    private byte[] joined = new byte[256];
    private int count;
    private int joinedLength;

    void clear() {
        Arrays.fill(definitions, 0, count, null);
        count = 0;
        joinedLength = 0;
    }

    int count() {
        return count;
    }

    /** Drops every attribute from {@code newCount} on: a Vendor-Specific attribute that turned out malformed. */
    void truncate(int newCount) {
        Arrays.fill(definitions, newCount, count, null);
        count = newCount;
    }

    void add(AttributeDefinition definition, int offset, int length, int flags) {
        if (count == definitions.length) {
            definitions = Arrays.copyOf(definitions, count * 2);
            index = Arrays.copyOf(index, count * 2 * STRIDE);
        }
        definitions[count] = definition;
        index[count * STRIDE + OFFSET] = offset;
        index[count * STRIDE + LENGTH] = length;
        index[count * STRIDE + FLAGS] = flags;
        count++;
    }

    /** Appends a fragment to the side buffer; returns the offset it starts at. */
    int appendJoined(byte[] source, int offset, int length) {
        if (joinedLength + length > joined.length) {
            joined = Arrays.copyOf(joined, Math.max(joined.length * 2, joinedLength + length));
        }
        System.arraycopy(source, offset, joined, joinedLength, length);
        int start = joinedLength;
        joinedLength += length;
        return start;
    }

    /** The side buffer itself, valid until the next append: for checking a joined value in place. */
    byte[] joinedBuffer() {
        return joined;
    }

    int joinedLength() {
        return joinedLength;
    }

    int[] copyIndex() {
        return count == 0 ? NO_INDEX : Arrays.copyOf(index, count * STRIDE);
    }

    AttributeDefinition[] copyDefinitions() {
        return count == 0 ? NO_DEFINITIONS : Arrays.copyOf(definitions, count);
    }

    byte[] copyJoined() {
        return joinedLength == 0 ? RadiusPacket.NO_JOINED : Arrays.copyOf(joined, joinedLength);
    }
}
