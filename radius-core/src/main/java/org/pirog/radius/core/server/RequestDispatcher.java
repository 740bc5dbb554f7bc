package org.pirog.radius.core.server;

import java.util.concurrent.CompletionStage;
import org.pirog.radius.codec.packet.PacketCode;

/** Sends each accepted request to the processor for its code. */
final class RequestDispatcher implements RequestProcessor {
    private final AccessProcessor access;
    private final AccountingProcessor accounting;
    private final StatusServerResponder status;

    RequestDispatcher(AccessProcessor access, AccountingProcessor accounting, StatusServerResponder status) {
        this.access = access;
        this.accounting = accounting;
        this.status = status;
    }

    @Override
    public Outcome process(RequestTask task, boolean onEventLoop) {
        PacketCode code = task.packet().code();
        if (code == PacketCode.ACCESS_REQUEST) {
            return access.process(task, onEventLoop);
        }
        return status.respond(task);
    }

    @Override
    public CompletionStage<Outcome> account(RequestTask task) {
        return accounting.process(task);
    }
}
