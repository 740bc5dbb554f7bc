package org.pirog.radius.core.server;

import io.netty.util.concurrent.DefaultThreadFactory;

/** Event-loop threads named {@code radius-loop-N}, so that thread dumps and profiles say what they are. */
final class PirogThreadFactory extends DefaultThreadFactory {
    PirogThreadFactory(String prefix) {
        super(prefix, false);
    }
}
