package org.neuromesh.peer;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.neuromesh.api.capsule.Capsule;
import org.neuromesh.api.federation.Evaluation;
import org.neuromesh.api.federation.NodeLending;
import org.neuromesh.api.federation.NodePacket;
import org.neuromesh.api.ledger.AuditAction;
import org.neuromesh.api.peer.PeerId;
import org.neuromesh.api.peer.SignedControlMessage;
import org.neuromesh.api.security.RejectionCounts;
import org.neuromesh.api.security.RejectionReason;

/**
 * The borrower's side of node borrowing (the lender's is {@link Lending}).
 *
 * <p>The borrower broadcasts {@code nodes.request} (request id, classes, node count, credits offered). It accepts
 * the first offer that does not exceed the credits it offered ({@code nodes.accept}, to that owner) and ignores the
 * rest; offers above it are refused and named in the failure if no acceptable offer comes within
 * {@link BorrowingTerms#offerTimeout()}. When the owner's sealed {@code node-packet} arrives and opens, the borrower
 * answers with a signed {@code nodes.receipt} (the owner books its credits only then), records {@code -price} in
 * its {@link CreditBook}, grafts the nodes and reports accuracy before and after on the lent classes.
 * {@link #returnNodes} sends the nodes' current state back sealed to the owner (capsule kind {@code node-return}).
 */
public final class Borrowing {

    private static final System.Logger LOG = System.getLogger(Borrowing.class.getName());

    private enum Stage {
        WAITING_FOR_OFFER, ACCEPTED, DELIVERED
    }

    /** A request of this peer, until its nodes are grafted or it failed. */
    private static final class Open {
        final LendingCodec.Request request;
        /** The one peer asked, or null when every peer was. */
        final PeerId asked;
        final CompletableFuture<BorrowResult> result = new CompletableFuture<>();
        final List<String> refused = new ArrayList<>();
        Stage stage = Stage.WAITING_FOR_OFFER;
        PeerId owner;
        long price;
        ScheduledFuture<?> timeout;

        Open(LendingCodec.Request request, PeerId asked) {
            this.request = request;
            this.asked = asked;
        }
    }

    private final NodeLending lending;
    private final CapsuleSender sender;
    private final CreditBook credits;
    private final AuditTrail audit;
    private final ScheduledExecutorService timers;
    private final ExecutorService work;
    private final BorrowingTerms terms;
    private final Clock clock;
    private final Loans loans;
    private final RejectionCounts refusals;
    private final Map<String, Open> open = new ConcurrentHashMap<>();

    /**
     * @param work runs grafting (it trains nothing but touches the whole own model)
     */
    public Borrowing(NodeLending lending, CapsuleSender sender, Inbox inbox, CreditBook credits, AuditTrail audit,
            ScheduledExecutorService timers, ExecutorService work, BorrowingTerms terms, Clock clock, Loans loans) {
        this.lending = lending;
        this.sender = sender;
        this.credits = credits;
        this.audit = audit;
        this.timers = timers;
        this.work = work;
        this.terms = terms;
        this.clock = clock;
        this.loans = loans;
        this.refusals = inbox.rejections();
        inbox.onControl(LendingCodec.OFFER, this::offerArrived);
        inbox.onCapsule(LendingCodec.NODE_PACKET, this::packetArrived);
    }

    /**
     * Asks every peer for {@code nodes} nodes serving {@code classes}, paying at most {@code creditsOffered}.
     *
     * @return completes with the grafted loan; fails with a {@link TimeoutException} if no acceptable offer (or no
     *         packet after accepting one) comes within the offer timeout, or with the graft's {@link IOException}
     */
    public CompletableFuture<BorrowResult> borrow(Set<Integer> classes, int nodes, long creditsOffered) {
        return borrow(classes, nodes, creditsOffered, null);
    }

    /**
     * Asks one peer only ({@code from}; null: every peer) for nodes, as {@link #borrow(Set, int, long)} does; offers
     * of other peers are ignored.
     */
    public CompletableFuture<BorrowResult> borrow(Set<Integer> classes, int nodes, long creditsOffered,
            PeerId from) {
        if (classes == null || classes.isEmpty()) {
            throw new IllegalArgumentException("name the classes to borrow nodes for");
        }
        LendingCodec.Request request = new LendingCodec.Request(UUID.randomUUID().toString(), new TreeSet<>(classes),
                nodes, creditsOffered);
        Open borrowing = new Open(request, from);
        open.put(request.requestId(), borrowing);
        synchronized (borrowing) {
            borrowing.timeout = timers.schedule(() -> timedOut(borrowing), terms.offerTimeout().toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        try {
            sender.control(LendingCodec.REQUEST, from, LendingCodec.request(request));
            LOG.log(Level.INFO, "asked {4} for {0} nodes for classes {1}, offering {2} credits (request {3})", nodes,
                    request.classes(), creditsOffered, request.requestId(),
                    from == null ? "every peer" : from.shortForm());
        } catch (IOException e) {
            fail(borrowing, new IOException("cannot send the node request: " + e.getMessage(), e));
        }
        return borrowing.result;
    }

    /**
     * Sends the current state of borrowed nodes back to their owner, sealed to it only; the nodes stay in use here.
     *
     * @return the loan, now returned
     * @throws IllegalArgumentException if this peer did not borrow {@code packetId} or returned it already
     * @throws IOException if the snapshot or the sending fails
     */
    public Loan returnNodes(String packetId) throws IOException {
        Loan loan = loans.get(packetId).orElse(null);
        if (loan == null || !loan.borrower().equals(sender.self())) {
            throw new IllegalArgumentException("this peer borrowed no node packet " + packetId + "; borrowed: "
                    + borrowedIds());
        }
        if (loan.returned().isPresent()) {
            throw new IllegalArgumentException("node packet " + packetId + " went back to "
                    + loan.owner().shortForm() + " at " + loan.returnedAt());
        }
        NodePacket state = lending.snapshot(packetId);
        sender.send(LendingCodec.NODE_RETURN, Set.of("loan:" + packetId), LendingCodec.nodeReturn(state),
                List.of(loan.owner()));
        Loan done = loan.returnedAt(clock.instant());
        loans.put(done);
        LOG.log(Level.INFO, "returned node packet {0} to {1}", packetId, loan.owner().shortForm());
        return done;
    }

    private void offerArrived(SignedControlMessage message) throws IOException {
        LendingCodec.Offer offer = LendingCodec.readOffer(message.body());
        Open borrowing = open.get(offer.requestId());
        if (borrowing == null) {
            LOG.log(Level.DEBUG, "ignored a late offer from {0} for request {1}", message.sender().shortForm(),
                    offer.requestId());
            return;
        }
        if (borrowing.asked != null && !borrowing.asked.equals(message.sender())) {
            LOG.log(Level.DEBUG, "request {0}: ignored an offer of {1}, who was not asked", offer.requestId(),
                    message.sender().shortForm());
            return;
        }
        synchronized (borrowing) {
            if (borrowing.stage != Stage.WAITING_FOR_OFFER) {
                LOG.log(Level.DEBUG, "request {0}: took {1}''s offer already, ignored {2}''s",
                        offer.requestId(), borrowing.owner.shortForm(), message.sender().shortForm());
                return;
            }
            if (offer.price() > borrowing.request.creditsOffered()) {
                String refusal = message.sender().shortForm() + " asked " + offer.price();
                borrowing.refused.add(refusal);
                LOG.log(Level.WARNING, "request {0}: refused an offer above the {1} credits offered: {2}",
                        offer.requestId(), borrowing.request.creditsOffered(), refusal);
                return;
            }
            borrowing.stage = Stage.ACCEPTED;
            borrowing.owner = message.sender();
            borrowing.price = offer.price();
            borrowing.timeout.cancel(false);
            borrowing.timeout = timers.schedule(() -> timedOut(borrowing), terms.offerTimeout().toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        sender.control(LendingCodec.ACCEPT, message.sender(), LendingCodec.accept(new LendingCodec.Accept(offer.requestId(),
                offer.price())));
        LOG.log(Level.INFO, "request {0}: accepted {1}''s offer at {2} credits", offer.requestId(),
                message.sender().shortForm(), offer.price());
    }

    private void packetArrived(PeerId from, Capsule capsule, long sealedBytes) throws IOException {
        LendingCodec.Delivery delivery = LendingCodec.readDelivery(capsule.payload());
        Open borrowing = open.get(delivery.requestId());
        if (borrowing == null) {
            refusals.count(RejectionReason.UNSOLICITED);
            LOG.log(Level.WARNING, "ignored node packet {0} from {1}: no open request {2}",
                    delivery.packet().packetId(), from.shortForm(), delivery.requestId());
            return;
        }
        synchronized (borrowing) {
            if (borrowing.stage != Stage.ACCEPTED || !from.equals(borrowing.owner)) {
                refusals.count(RejectionReason.UNSOLICITED);
                LOG.log(Level.WARNING, "ignored node packet {0} from {1}: request {2} did not accept its offer",
                        delivery.packet().packetId(), from.shortForm(), delivery.requestId());
                return;
            }
            borrowing.stage = Stage.DELIVERED;
            borrowing.timeout.cancel(false);
        }
        NodePacket packet = delivery.packet();
        if (delivery.price() != borrowing.price || !packet.classes().containsAll(borrowing.request.classes())) {
            fail(borrowing, new IOException("owner " + from.shortForm() + " sent node packet " + packet.packetId()
                    + " for classes " + packet.classes() + " at " + delivery.price() + " credits; agreed were "
                    + borrowing.request.classes() + " at " + borrowing.price));
            return;
        }
        try {
            // the owner books its credits on this receipt only: nodes that never arrive earn nothing
            sender.control(LendingCodec.RECEIPT, from, LendingCodec.receipt(new LendingCodec.Receipt(
                    delivery.requestId(), packet.packetId(), delivery.price())));
            credits.record(from, -delivery.price());
        } catch (IOException e) {
            fail(borrowing, new IOException("cannot acknowledge node packet " + packet.packetId() + " to "
                    + from.shortForm() + " or record paying " + delivery.price() + " credits in " + credits.file()
                    + ": " + e.getMessage(), e));
            return;
        }
        loans.put(new Loan(packet.packetId(), from, sender.self(), packet.classes(),
                packet.nodes(), delivery.price(), clock.instant(), null));
        audit.record(AuditAction.CREDITS_TRANSFERRED, packet.packetId(), from, delivery.price(), packet.state());
        work.execute(() -> graft(borrowing, from, packet));
    }

    private void graft(Open borrowing, PeerId owner, NodePacket packet) {
        try {
            int[] classes = borrowing.request.classes().stream().mapToInt(Integer::intValue).toArray();
            Evaluation before = lending.evaluateOwn();
            Evaluation after = lending.graft(packet);
            BorrowResult result = new BorrowResult(borrowing.request.requestId(), packet.packetId(), owner,
                    borrowing.price, packet.classes(), packet.nodes(), before.accuracyOn(classes),
                    after.accuracyOn(classes), before.accuracy(), after.accuracy());
            open.remove(borrowing.request.requestId());
            LOG.log(Level.INFO, "grafted {0} nodes from {1} for classes {2}: accuracy on them {3} -> {4}",
                    packet.nodes(), owner.shortForm(), packet.classes(), result.accuracyBefore(),
                    result.accuracyAfter());
            borrowing.result.complete(result);
        } catch (IOException | RuntimeException e) {
            fail(borrowing, new IOException("grafting node packet " + packet.packetId() + " from "
                    + owner.shortForm() + " failed: " + e.getMessage(), e));
        }
    }

    private void timedOut(Open borrowing) {
        String reason;
        synchronized (borrowing) {
            LendingCodec.Request request = borrowing.request;
            if (borrowing.stage == Stage.WAITING_FOR_OFFER) {
                reason = (borrowing.asked == null ? "no peer offered " : borrowing.asked.shortForm()
                        + " did not offer ") + request.nodes() + " nodes for classes " + request.classes()
                        + " at or below " + request.creditsOffered() + " credits within " + terms.offerTimeout()
                        .toMillis() + " ms" + (borrowing.refused.isEmpty() ? ""
                                : "; refused offers above that: " + String.join(", ", borrowing.refused));
            } else if (borrowing.stage == Stage.ACCEPTED) {
                reason = borrowing.owner.shortForm() + " did not send the nodes of its accepted offer for request "
                        + request.requestId() + " within " + terms.offerTimeout().toMillis() + " ms";
            } else {
                return;
            }
        }
        fail(borrowing, new TimeoutException(reason));
    }

    private void fail(Open borrowing, Exception cause) {
        open.remove(borrowing.request.requestId());
        synchronized (borrowing) {
            if (borrowing.timeout != null) {
                borrowing.timeout.cancel(false);
            }
        }
        LOG.log(Level.WARNING, "borrowing failed: {0}", cause.getMessage());
        borrowing.result.completeExceptionally(cause);
    }

    private List<String> borrowedIds() {
        return loans.all().stream().filter(l -> l.borrower().equals(sender.self())).map(Loan::packetId)
                .sorted().toList();
    }
}
