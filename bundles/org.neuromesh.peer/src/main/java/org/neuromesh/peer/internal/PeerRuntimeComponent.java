package org.neuromesh.peer.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.neuromesh.api.federation.FederatedModel;
import org.neuromesh.api.federation.NodeLending;
import org.neuromesh.api.ledger.Ledger;
import org.neuromesh.api.network.MessageFlows;
import org.neuromesh.api.network.Traffic;
import org.neuromesh.api.peer.PeerDiscovery;
import org.neuromesh.api.peer.PeerId;
import org.neuromesh.api.peer.PeerInfo;
import org.neuromesh.api.peer.PeerListener;
import org.neuromesh.api.peer.PeerMessaging;
import org.neuromesh.api.security.PeerSecurity;
import org.neuromesh.api.security.RejectionCounts;
import org.neuromesh.crypto.WireFormat;
import org.neuromesh.peer.AuditTrail;
import org.neuromesh.peer.Borrowing;
import org.neuromesh.peer.BorrowingTerms;
import org.neuromesh.peer.CapsuleSender;
import org.neuromesh.peer.CreditBook;
import org.neuromesh.peer.HeldMessageFolder;
import org.neuromesh.peer.HoldingLimits;
import org.neuromesh.peer.Inbox;
import org.neuromesh.peer.Lending;
import org.neuromesh.peer.MessageFlowRecorder;
import org.neuromesh.peer.Loans;
import org.neuromesh.peer.MemberPresence;
import org.neuromesh.peer.ModulationSink;
import org.neuromesh.peer.PeerRuntime;
import org.neuromesh.peer.SessionListener;
import org.neuromesh.peer.Sessions;
import org.neuromesh.peer.SharedInbox;
import org.neuromesh.peer.Sharing;
import org.neuromesh.peer.Signals;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Wires the peer runtime to this peer's keys, transport, discovery and learner, and subscribes its inbox. Session
 * training and merging run on one worker thread, lending and grafting on another (so a loan need not wait for a
 * round), deadlines on one timer thread; all stop with the component. A {@link Ledger}, if there is one, records
 * loans and credits; {@link ModulationSink} services receive other peers' error signals.
 */
// immediate: a peer takes part (announces itself, joins sessions, lends) as soon as its parts are there, not when
// a shell command first asks for the runtime
@Component(configurationPid = PeerRuntimeConfig.PID, immediate = true)
@Designate(ocd = PeerRuntimeConfig.class)
public class PeerRuntimeComponent implements PeerRuntime {

    private static final System.Logger LOG = System.getLogger(PeerRuntimeComponent.class.getName());

    /** How many received error signals are kept for status views. */
    private static final int KEPT_SIGNALS = 64;
    /** Largest held message read back: well above any transport's limit, which it passed already. */
    private static final int HELD_MESSAGE_LIMIT = 256 << 20;

    private final PeerSecurity security;
    private final PeerDiscovery discovery;
    private final ScheduledExecutorService timers;
    private final ExecutorService work;
    private final ExecutorService lendingWork;
    private final Inbox inbox;
    private final CapsuleSender sender;
    private final Sessions sessions;
    private final CreditBook credits;
    private final Borrowing borrowing;
    private final Lending lendingSide;
    private final Loans loans = new Loans();
    private final Signals signals;
    private final Sharing sharing;
    private final Map<ModulationSink, AutoCloseable> sinks = new ConcurrentHashMap<>();
    private final AutoCloseable subscription;
    private final AutoCloseable peerEvents;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Ledger ledger;

    @Activate
    public PeerRuntimeComponent(@Reference PeerSecurity security, @Reference(name = "messaging") PeerMessaging messaging,
            @Reference PeerDiscovery discovery, @Reference FederatedModel model, @Reference NodeLending lending,
            PeerRuntimeConfig config) throws IOException {
        this.security = security;
        this.discovery = discovery;
        Clock clock = Clock.systemUTC();
        this.credits = CreditBook.open(creditsFile(config));
        this.timers = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "neuromesh-peer-timer"));
        this.work = Executors.newSingleThreadExecutor(runnable -> daemon(runnable, "neuromesh-peer-work"));
        this.lendingWork = Executors.newSingleThreadExecutor(runnable -> daemon(runnable, "neuromesh-peer-lending"));
        WireFormat heldFormat = new WireFormat(HELD_MESSAGE_LIMIT);
        this.inbox = new Inbox(security, HeldMessageFolder.open(home().resolve("held"), heldFormat),
                holdingLimits(config), heldFormat);
        this.sender = new CapsuleSender(security, messaging, clock);
        this.sessions = new Sessions(model, sender, inbox, timers, work, SessionListener.NONE, config.autoJoin(),
                new MemberPresence(peer -> discovery.peers().stream().anyMatch(known -> known.id().equals(peer)),
                        Duration.ofSeconds(config.leaveGraceSeconds())));
        AuditTrail audit = new AuditTrail(security, () -> Optional.ofNullable(ledger), clock);
        BorrowingTerms terms = new BorrowingTerms(Duration.ofSeconds(config.offerTimeoutSeconds()),
                config.creditsPerNode(), config.lendToOthers());
        this.borrowing = new Borrowing(lending, sender, inbox, credits, audit, timers, lendingWork, terms, clock,
                loans);
        this.lendingSide = new Lending(lending, sender, inbox, credits, audit, timers, lendingWork, terms, clock,
                loans);
        this.signals = new Signals(sender, inbox, clock, KEPT_SIGNALS);
        this.sharing = new Sharing(sender, inbox, new SharedInbox(config.sharedInboxCapacity()), clock);
        this.subscription = messaging.subscribe(inbox);
        this.peerEvents = discovery.addListener(new PeerListener() {
            @Override
            public void peerAppeared(PeerInfo peer) {
                // discovery trusted its keys: what it sent before we knew them can be opened now
                timers.execute(() -> inbox.senderKnown(peer.id()));
            }

            @Override
            public void peerLeft(PeerId peer) {
                // off the transport thread: closing a round seals and sends
                timers.execute(() -> sessions.peerLeft(peer));
            }
        });
        LOG.log(System.Logger.Level.INFO, "peer {0} ready: {1} sessions on its data set, {2} nodes",
                security.self().shortForm(), config.autoJoin() ? "joins" : "does not join",
                config.lendToOthers() ? "lends" : "does not lend");
    }

    private static HoldingLimits holdingLimits(PeerRuntimeConfig config) {
        return new HoldingLimits(config.heldMessagesPerSender(), (long) config.heldMegabytesPerSender() << 20,
                config.heldMessages(), (long) config.heldMegabytes() << 20);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addModulationSink(ModulationSink sink) {
        sinks.put(sink, signals.subscribe(sink::modulate));
    }

    void removeModulationSink(ModulationSink sink) throws Exception {
        AutoCloseable subscribed = sinks.remove(sink);
        if (subscribed != null) {
            subscribed.close();
        }
    }

    @Deactivate
    void deactivate() throws Exception {
        peerEvents.close();
        subscription.close();
        timers.shutdownNow();
        work.shutdownNow();
        lendingWork.shutdownNow();
    }

    @Override
    public PeerId self() {
        return security.self();
    }

    @Override
    public List<PeerInfo> peers() {
        return discovery.peers();
    }

    @Override
    public Sessions sessions() {
        return sessions;
    }

    @Override
    public Borrowing borrowing() {
        return borrowing;
    }

    @Override
    public Lending lending() {
        return lendingSide;
    }

    @Override
    public Loans loans() {
        return loans;
    }

    @Override
    public Signals signals() {
        return signals;
    }

    @Override
    public Sharing sharing() {
        return sharing;
    }

    @Override
    public CreditBook credits() {
        return credits;
    }

    @Override
    public RejectionCounts rejections() {
        return inbox.rejections();
    }

    @Override
    public Traffic traffic() {
        return new Traffic(sender.capsulesSent(), inbox.capsulesOpened(), sender.bytesSent(), inbox.bytesOpened());
    }

    @Override
    public MessageFlows drainFlows() {
        return MessageFlowRecorder.merge(sender.flows().drain(), inbox.flows().drain());
    }

    private static Path creditsFile(PeerRuntimeConfig config) {
        return config.creditsFile().isBlank() ? home().resolve("credits.txt") : Path.of(config.creditsFile());
    }

    /** The peer runtime's folder in the NeuroMesh home. */
    private static Path home() {
        return Path.of(System.getProperty("neuromesh.home", System.getProperty("user.home") + "/.neuromesh"), "peer");
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
