package org.pirog.radius.benchmarks.load;

import io.netty.util.internal.logging.InternalLoggerFactory;
import io.netty.util.internal.logging.JdkLoggerFactory;
import java.io.IOException;
import org.pirog.radius.core.transport.UdpTransport;

/**
 * Command line of the closed-loop RADIUS load generator; {@code --help} lists the options. Prints the report
 * and exits 0 when every measured reply was right and none was lost, 1 otherwise, 2 on bad options.
 */
public final class LoadGenerator {
    private LoadGenerator() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        // Netty would otherwise bind to SLF4J, which has no provider in benchmarks.jar and says so on stderr.
        InternalLoggerFactory.setDefaultFactory(JdkLoggerFactory.INSTANCE);
        LoadOptions options;
        try {
            options = LoadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(LoadOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.print(LoadOptions.USAGE);
            return;
        }
        if (!UdpTransport.isEpollAvailable()) {
            System.err.println("warning: native epoll unavailable, using NIO (no recvmmsg/sendmmsg batching)");
        }
        LoadReport report = LoadRun.run(options);
        report.print(System.out);
        System.exit(report.clean() ? 0 : 1);
    }
}
