package org.neuromesh.peer;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.neuromesh.api.federation.FederatedModel;
import org.neuromesh.api.federation.NodeLending;
import org.neuromesh.api.peer.PeerId;
import org.neuromesh.api.security.RejectedMessageException;
import org.neuromesh.crypto.IdentityStore;
import org.neuromesh.crypto.MessageSecurity;
import org.neuromesh.crypto.SecurityLimits;
import org.neuromesh.crypto.TimeWindows;

/**
 * One peer runtime for tests, wired as the DS component wires it: a real identity on disk and real
 * {@link MessageSecurity}, on a {@link LoopbackTestBroker}.
 */
final class TestPeer implements AutoCloseable {

    final Path home;
    final MessageSecurity security;
    final NodeLending lending;
    final Inbox inbox;
    final CreditBook credits;
    final Borrowing borrowing;
    final Lending lendingSide;
    final Loans loans = new Loans();
    final Signals signals;
    final Sharing sharing;
    private final CapsuleSender sender;
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService work = Executors.newSingleThreadExecutor();
    private final AutoCloseable subscription;

    TestPeer(Path home, LoopbackTestBroker broker, NodeLending lending, BorrowingTerms terms) throws IOException {
        this.home = home;
        this.lending = lending;
        Clock clock = Clock.systemUTC();
        this.security = new MessageSecurity(new IdentityStore(home.resolve("identity"), new SecureRandom())
                .loadOrCreate(), clock, TimeWindows.defaults(), SecurityLimits.defaults());
        this.inbox = new Inbox(security);
        var messaging = broker.messagingFor(security.self());
        this.sender = new CapsuleSender(security, messaging, clock);
        this.credits = CreditBook.open(creditsFile());
        this.borrowing = new Borrowing(lending, sender, inbox, credits, AuditTrail.none(security, clock), timers,
                work, terms, clock, loans);
        this.lendingSide = new Lending(lending, sender, inbox, credits, AuditTrail.none(security, clock), timers,
                work, terms, clock, loans);
        this.signals = new Signals(sender, inbox, clock, 16);
        this.sharing = new Sharing(sender, inbox, new SharedInbox(8), clock);
        this.subscription = messaging.subscribe(inbox);
    }

    /** The messages sent and verified since the last call, as the runtime tells them to views. */
    org.neuromesh.api.network.MessageFlows drainFlows() {
        return MessageFlowRecorder.merge(sender.flows().drain(), inbox.flows().drain());
    }

    /** Collaborative sessions on this peer's inbox, timers and worker, as the component wires them. */
    Sessions sessions(FederatedModel model, boolean autoJoin) {
        return sessions(model, autoJoin, MemberPresence.everyone());
    }

    /** As {@link #sessions(FederatedModel, boolean)}, with a view of who is there. */
    Sessions sessions(FederatedModel model, boolean autoJoin, MemberPresence presence) {
        return new Sessions(model, sender, inbox, timers, work, SessionListener.NONE, autoJoin, presence);
    }

    /** Sends a signed control message as this peer's runtime would. */
    void sendControl(String type, PeerId recipient, byte[] body) throws IOException {
        sender.control(type, recipient, body);
    }

    PeerId id() {
        return security.self();
    }

    Path creditsFile() {
        return home.resolve("peer/credits.txt");
    }

    /** Every peer trusts every other peer's keys. */
    static void introduce(TestPeer... peers) throws RejectedMessageException {
        for (TestPeer peer : peers) {
            for (TestPeer other : peers) {
                if (peer != other) {
                    peer.security.trust(other.id(), other.security.publicKeys());
                }
            }
        }
    }

    @Override
    public void close() throws Exception {
        subscription.close();
        timers.shutdownNow();
        work.shutdownNow();
    }
}
