package org.neuromesh.peer;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.neuromesh.api.capsule.Capsule;
import org.neuromesh.api.federation.NodeLending;
import org.neuromesh.api.federation.NodePacket;
import org.neuromesh.api.ledger.AuditAction;
import org.neuromesh.api.peer.PeerId;
import org.neuromesh.api.peer.SignedControlMessage;
import org.neuromesh.api.security.RejectionCounts;
import org.neuromesh.api.security.RejectionReason;

/**
 * The lender's side of node borrowing (the borrower's is {@link Borrowing}).
 *
 * <p>To a {@code nodes.request} whose classes its {@link NodeLending} can serve, this peer answers
 * {@code nodes.offer} (its price) to the borrower only, and keeps the offer for twice the offer timeout. On
 * {@code nodes.accept} at that price it sends the nodes sealed to the borrower only (capsule kind
 * {@code node-packet}: behavioural nodes, never samples). Credits move only for nodes that arrived: the borrower
 * answers an opened packet with a signed {@code nodes.receipt}, and only then does this peer book {@code +price}
 * in its {@link CreditBook}, record the loan and the audit record. A packet without a receipt within twice the offer
 * timeout earns nothing. A borrower's {@code node-return} brings the nodes' used state back.
 */
public final class Lending {

    private static final System.Logger LOG = System.getLogger(Lending.class.getName());

    /** An offer this peer made, until the borrower accepts it; then a packet sent, until its receipt comes. */
    private record Offered(PeerId borrower, LendingCodec.Request request, NodePacket packet, long price) {
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
    private final Map<String, Offered> offered = new ConcurrentHashMap<>();
    private final Map<String, Offered> sent = new ConcurrentHashMap<>();
    private final Map<String, NodePacket> returned = new ConcurrentHashMap<>();

    /**
     * @param work runs lending (it touches the whole own model)
     */
    public Lending(NodeLending lending, CapsuleSender sender, Inbox inbox, CreditBook credits, AuditTrail audit,
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
        inbox.onControl(LendingCodec.REQUEST, this::requestArrived);
        inbox.onControl(LendingCodec.ACCEPT, this::acceptArrived);
        inbox.onControl(LendingCodec.RECEIPT, this::receiptArrived);
        inbox.onCapsule(LendingCodec.NODE_RETURN, this::returnArrived);
    }

    /** The state a borrower returned for a packet this peer lent, once it came back. */
    public Optional<NodePacket> returnedState(String packetId) {
        return Optional.ofNullable(returned.get(packetId));
    }

    private void requestArrived(SignedControlMessage message) throws IOException {
        if (!terms.lendToOthers()) {
            return;
        }
        LendingCodec.Request request = LendingCodec.readRequest(message.body());
        work.execute(() -> offer(message.sender(), request));
    }

    private void offer(PeerId borrower, LendingCodec.Request request) {
        NodePacket packet;
        try {
            packet = lending.lend(request.classes(), request.nodes());
        } catch (IllegalArgumentException | IOException cannot) {
            LOG.log(Level.DEBUG, "no offer for {0}''s request {1}: {2}", borrower.shortForm(), request.requestId(),
                    cannot.getMessage());
            return;
        }
        long price = terms.price(request.nodes());
        String key = key(borrower, request.requestId());
        offered.put(key, new Offered(borrower, request, packet, price));
        forgetLater(offered, key);
        try {
            sender.control(LendingCodec.OFFER, borrower, LendingCodec.offer(new LendingCodec.Offer(request.requestId(), price)));
            LOG.log(Level.INFO, "offered {0} nodes for classes {1} to {2} at {3} credits", packet.nodes(),
                    packet.classes(), borrower.shortForm(), price);
        } catch (IOException e) {
            offered.remove(key);
            LOG.log(Level.WARNING, "cannot send an offer to {0}: {1}", borrower.shortForm(), e.getMessage());
        }
    }

    private void acceptArrived(SignedControlMessage message) throws IOException {
        LendingCodec.Accept accept = LendingCodec.readAccept(message.body());
        String key = key(message.sender(), accept.requestId());
        Offered offer = offered.remove(key);
        if (offer == null) {
            refusals.count(RejectionReason.UNSOLICITED);
            LOG.log(Level.WARNING, "{0} accepted an offer for request {1} that this peer did not make or forgot",
                    message.sender().shortForm(), accept.requestId());
            return;
        }
        if (accept.price() != offer.price()) {
            LOG.log(Level.WARNING, "{0} accepted request {1} at {2} credits, the offer was {3}: not lending",
                    message.sender().shortForm(), accept.requestId(), accept.price(), offer.price());
            return;
        }
        NodePacket packet = offer.packet();
        sent.put(key, offer);
        forgetLater(sent, key);
        sender.send(LendingCodec.NODE_PACKET, Set.of("loan:" + packet.packetId()), LendingCodec.delivery(
                new LendingCodec.Delivery(accept.requestId(), offer.price(), packet)), List.of(offer.borrower()));
        LOG.log(Level.INFO, "sent node packet {0} ({1} nodes for classes {2}) to {3}; {4} credits once it arrives",
                packet.packetId(), packet.nodes(), packet.classes(), offer.borrower().shortForm(), offer.price());
    }

    private void receiptArrived(SignedControlMessage message) throws IOException {
        LendingCodec.Receipt receipt = LendingCodec.readReceipt(message.body());
        Offered delivered = sent.remove(key(message.sender(), receipt.requestId()));
        if (delivered == null || !delivered.packet().packetId().equals(receipt.packetId())
                || delivered.price() != receipt.price()) {
            refusals.count(RejectionReason.UNSOLICITED);
            LOG.log(Level.WARNING, "{0} acknowledged node packet {1} of request {2} at {3} credits, which this peer"
                    + " did not send it (or not at that price): no credits", message.sender().shortForm(),
                    receipt.packetId(), receipt.requestId(), receipt.price());
            return;
        }
        NodePacket packet = delivered.packet();
        credits.record(delivered.borrower(), delivered.price());
        loans.put(new Loan(packet.packetId(), sender.self(), delivered.borrower(), packet.classes(), packet.nodes(),
                delivered.price(), clock.instant(), null));
        audit.record(AuditAction.NODES_LENT, packet.packetId(), delivered.borrower(), 0, packet.state());
        LOG.log(Level.INFO, "lent node packet {0} ({1} nodes for classes {2}) to {3} for {4} credits",
                packet.packetId(), packet.nodes(), packet.classes(), delivered.borrower().shortForm(),
                delivered.price());
    }

    private void returnArrived(PeerId from, Capsule capsule, long sealedBytes) throws IOException {
        NodePacket state = LendingCodec.readNodeReturn(capsule.payload());
        Loan loan = loans.get(state.packetId()).orElse(null);
        if (loan == null || !loan.owner().equals(sender.self()) || !loan.borrower().equals(from)) {
            refusals.count(RejectionReason.UNSOLICITED);
            LOG.log(Level.WARNING, "ignored node packet {0} returned by {1}: not lent to it by this peer",
                    state.packetId(), from.shortForm());
            return;
        }
        if (loan.returned().isPresent()) {
            LOG.log(Level.DEBUG, "node packet {0} came back again from {1}", state.packetId(), from.shortForm());
            return;
        }
        returned.put(state.packetId(), state);
        loans.put(loan.returnedAt(clock.instant()));
        audit.record(AuditAction.NODES_RETURNED, state.packetId(), from, 0, state.state());
        LOG.log(Level.INFO, "node packet {0} came back from {1}", state.packetId(), from.shortForm());
    }

    /** The borrower gives up after one timeout; an offer or a sent packet is kept twice as long, then forgotten. */
    private void forgetLater(Map<String, Offered> map, String key) {
        timers.schedule(() -> map.remove(key), 2 * terms.offerTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private static String key(PeerId borrower, String requestId) {
        return borrower.value() + "/" + requestId;
    }
}
