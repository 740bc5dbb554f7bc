/**
 * JMH benchmarks of the codec: decoding, encoding, ciphers, MS-CHAPv2 and dictionary loading.
 * Run them from {@code target/benchmarks.jar}; the README records the figures and the commands.
 */
@NullMarked
package org.pirog.radius.benchmarks;

import org.jspecify.annotations.NullMarked;
