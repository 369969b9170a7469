package org.neuromesh.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromesh.api.security.RejectionReason;

/** Node borrowing between runtimes with real keys, over the test transport, with a scripted NodeLending. */
class BorrowingTest {

    private static final Set<Integer> LOW = Set.of(0, 1, 2, 3, 4);
    private static final Set<Integer> HIGH = Set.of(5, 6, 7, 8, 9);
    private static final BorrowingTerms TWO_PER_NODE = new BorrowingTerms(Duration.ofSeconds(5), 2, true);
    private static final BorrowingTerms QUICK = new BorrowingTerms(Duration.ofMillis(600), 2, true);

    @TempDir
    Path folder;

    private final LoopbackTestBroker broker = new LoopbackTestBroker();
    private final List<TestPeer> peers = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (TestPeer peer : peers) {
            peer.close();
        }
        broker.close();
        assertEquals(List.of(), broker.failures(), "every message survived the wire format");
    }

    private TestPeer peer(String name, Set<Integer> held, BorrowingTerms terms) throws Exception {
        TestPeer peer = new TestPeer(folder.resolve(name), broker, new ScriptedNodeLending(held, 0.8), terms);
        peers.add(peer);
        return peer;
    }

    @Test
    void givenAnOwnerOfClasses5to9_whenABorrowerAsksForNodesForThem_thenItGraftsThemAndPaysThePrice()
            throws Exception {
        // given a borrower that knows 0-4 and an owner that knows 5-9 and charges 2 credits per node
        TestPeer borrower = peer("borrower", LOW, TWO_PER_NODE);
        TestPeer owner = peer("owner", HIGH, TWO_PER_NODE);
        TestPeer.introduce(borrower, owner);
        // when the borrower asks for 8 nodes for 5 and 6, offering 20 credits
        BorrowResult result = borrower.borrowing.borrow(Set.of(5, 6), 8, 20).get(10, TimeUnit.SECONDS);
        // then the owner lent them at its price and the borrower's accuracy on 5 and 6 rose
        assertEquals(owner.id(), result.owner());
        assertEquals(16, result.price());
        assertEquals(Set.of(5, 6), result.classes());
        assertEquals(0.0, result.accuracyBefore(), 1e-9);
        assertEquals(0.8, result.accuracyAfter(), 1e-9);
        assertTrue(result.overallAfter() > result.overallBefore(), result.toString());
        assertEquals(Set.of(result.packetId()), ((ScriptedNodeLending) borrower.lending).grafted());
        // and both books hold the price, on both sides, also after reading them from disk again
        Eventually.await("the owner recording the loan", Duration.ofSeconds(5),
                () -> owner.credits.balance(borrower.id()) != 0);
        assertEquals(16, owner.credits.balance(borrower.id()));
        assertEquals(-16, borrower.credits.balance(owner.id()));
        assertEquals(16, CreditBook.open(owner.creditsFile()).balance(borrower.id()));
        assertEquals(-16, CreditBook.open(borrower.creditsFile()).balance(owner.id()));
    }

    @Test
    void givenTwoOwners_whenTheBorrowerAsksOneOfThem_thenTheLoanComesFromThatOneOnly() throws Exception {
        // given two owners of 5-9 at the same price
        TestPeer borrower = peer("borrower", LOW, TWO_PER_NODE);
        TestPeer first = peer("first", HIGH, TWO_PER_NODE);
        TestPeer second = peer("second", HIGH, TWO_PER_NODE);
        TestPeer.introduce(borrower, first, second);
        // when the borrower asks the second one only, three times
        for (int i = 0; i < 3; i++) {
            BorrowResult result = borrower.borrowing.borrow(Set.of(5), 4, 20, second.id()).get(10,
                    TimeUnit.SECONDS);
            // then each loan is the second's, and the first was never asked
            assertEquals(second.id(), result.owner());
        }
        assertEquals(-24, borrower.credits.balance(second.id()));
        assertEquals(0, borrower.credits.balance(first.id()));
    }

    @Test
    void givenAnAskedPeerThatDoesNotAnswer_whenTheOfferTimeoutPasses_thenTheFailureNamesIt() throws Exception {
        // given an owner that lends nothing (another peer could, but was not asked)
        TestPeer borrower = peer("borrower", LOW, QUICK);
        TestPeer mute = peer("mute", HIGH, new BorrowingTerms(Duration.ofMillis(600), 2, false));
        TestPeer other = peer("other", HIGH, QUICK);
        TestPeer.introduce(borrower, mute, other);
        // when the borrower asks the mute one
        ExecutionException failed = assertThrows(ExecutionException.class, () -> borrower.borrowing.borrow(
                Set.of(5), 4, 20, mute.id()).get(10, TimeUnit.SECONDS));
        // then it fails naming that peer, and nothing was paid to anyone
        assertTrue(failed.getCause().getMessage().startsWith(mute.id().shortForm() + " did not offer 4 nodes"),
                failed.getCause().getMessage());
        assertEquals(0, borrower.credits.balance(other.id()));
    }

    @Test
    void givenBorrowedNodes_whenReturned_thenTheOwnerRecordsTheirStateAndTheLoanEndsOnBothSides()
            throws Exception {
        // given a loan
        TestPeer borrower = peer("borrower", LOW, TWO_PER_NODE);
        TestPeer owner = peer("owner", HIGH, TWO_PER_NODE);
        TestPeer.introduce(borrower, owner);
        BorrowResult result = borrower.borrowing.borrow(Set.of(7), 4, 8).get(10, TimeUnit.SECONDS);
        // when the borrower returns the nodes
        Loan returned = borrower.borrowing.returnNodes(result.packetId());
        // then the owner has their used state and both sides see the loan ended
        assertTrue(returned.returned().isPresent());
        Eventually.await("the owner receiving the returned nodes", Duration.ofSeconds(5),
                () -> owner.lendingSide.returnedState(result.packetId()).isPresent());
        String state = new String(owner.lendingSide.returnedState(result.packetId()).orElseThrow().state(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(state.startsWith("used "), state);
        Loan lent = owner.loans.all().get(0);
        assertEquals(borrower.id(), lent.borrower());
        assertTrue(lent.returned().isPresent());
        // and a second return is refused
        assertThrows(IllegalArgumentException.class, () -> borrower.borrowing.returnNodes(result.packetId()));
    }

    @Test
    void givenAnOwnerAskingMoreThanOffered_whenBorrowing_thenTheOfferIsRefusedAndNoCreditsMove() throws Exception {
        // given an owner charging 2 per node
        TestPeer borrower = peer("borrower", LOW, QUICK);
        TestPeer owner = peer("owner", HIGH, QUICK);
        TestPeer.introduce(borrower, owner);
        // when the borrower offers 10 credits for 8 nodes (the owner wants 16)
        ExecutionException failed = assertThrows(ExecutionException.class,
                () -> borrower.borrowing.borrow(Set.of(5), 8, 10).get(10, TimeUnit.SECONDS));
        // then it refused the offer, named it, and nothing was lent or paid
        assertInstanceOf(TimeoutException.class, failed.getCause());
        assertTrue(failed.getCause().getMessage().contains("refused offers above that: "
                + owner.id().shortForm() + " asked 16"), failed.getCause().getMessage());
        assertEquals(Set.of(), ((ScriptedNodeLending) borrower.lending).grafted());
        assertEquals(0, borrower.credits.total());
        assertEquals(0, owner.credits.total());
        assertEquals(List.of(), owner.loans.all());
    }

    @Test
    void givenANodePacketLostOnTheWay_whenTheBorrowerNeverOpensIt_thenNoCreditsMoveOnEitherSide() throws Exception {
        // given an owner whose capsules to the borrower are lost on the way
        TestPeer borrower = peer("borrower", LOW, QUICK);
        TestPeer owner = peer("owner", HIGH, QUICK);
        TestPeer.introduce(borrower, owner);
        broker.loseCapsulesTo(borrower.id());
        // when the borrower asks for nodes, accepts the offer, and the packet never arrives
        ExecutionException failed = assertThrows(ExecutionException.class,
                () -> borrower.borrowing.borrow(Set.of(6), 4, 8).get(10, TimeUnit.SECONDS));
        // then the borrower gives up naming the owner, and the owner, who sent the packet, earned nothing
        assertTrue(failed.getCause().getMessage().contains("did not send the nodes"),
                failed.getCause().getMessage());
        assertEquals(0, owner.credits.total());
        assertEquals(0, borrower.credits.total());
        assertEquals(List.of(), owner.loans.all());
    }

    @Test
    void givenAForgedReceiptForAPacketNeverSent_whenTheOwnerGetsIt_thenNoCreditsAreBookedAndItIsCounted()
            throws Exception {
        // given a borrower and an owner
        TestPeer borrower = peer("borrower", LOW, TWO_PER_NODE);
        TestPeer owner = peer("owner", HIGH, TWO_PER_NODE);
        TestPeer.introduce(borrower, owner);
        // when the borrower sends a receipt for a packet and request that do not exist, then borrows for real
        borrower.sendControl(LendingCodec.RECEIPT, owner.id(), LendingCodec.receipt(
                new LendingCodec.Receipt("no-such-request", "no-such-packet", 1000)));
        BorrowResult result = borrower.borrowing.borrow(Set.of(5), 4, 8).get(10, TimeUnit.SECONDS);
        // then the owner booked the real loan's price only (messages arrive in order: the forged receipt first)
        // (it books the credits, then records the loan)
        Eventually.await("the owner booking the real loan", Duration.ofSeconds(5),
                () -> owner.credits.total() != 0 && !owner.loans.all().isEmpty());
        assertEquals(8, owner.credits.balance(borrower.id()));
        assertEquals(List.of(result.packetId()), owner.loans.all().stream().map(Loan::packetId).toList());
        // and the forged receipt is counted with its reason where neuromesh:peers shows refusals
        assertEquals(1, owner.inbox.rejections().get(RejectionReason.UNSOLICITED));
    }

    @Test
    void givenNoPeerHoldingTheClasses_whenBorrowing_thenItFailsAfterTheOfferTimeout() throws Exception {
        // given two peers that both know only 0-4
        TestPeer borrower = peer("borrower", LOW, QUICK);
        peer("other", LOW, QUICK);
        TestPeer.introduce(peers.toArray(TestPeer[]::new));
        // when the borrower asks for nodes for 9
        long started = System.nanoTime();
        ExecutionException failed = assertThrows(ExecutionException.class,
                () -> borrower.borrowing.borrow(Set.of(9), 4, 100).get(10, TimeUnit.SECONDS));
        // then it fails with a timeout naming what was asked, not before the timeout
        assertInstanceOf(TimeoutException.class, failed.getCause());
        assertTrue(failed.getCause().getMessage().contains("no peer offered 4 nodes for classes [9]"),
                failed.getCause().getMessage());
        assertTrue(System.nanoTime() - started >= QUICK.offerTimeout().toNanos());
    }

    @Test
    void givenABrokerThatMisroutesCapsules_whenNodesAreLent_thenTheThirdPeerCannotOpenThem() throws Exception {
        // given three peers, the third receiving every capsule whoever it is for, and knowing no class itself
        TestPeer borrower = peer("borrower", LOW, TWO_PER_NODE);
        TestPeer owner = peer("owner", HIGH, TWO_PER_NODE);
        TestPeer third = peer("third", Set.of(), TWO_PER_NODE);
        TestPeer.introduce(borrower, owner, third);
        broker.misrouteCapsulesTo(third.id());
        // when the owner lends nodes to the borrower
        borrower.borrowing.borrow(Set.of(8), 4, 8).get(10, TimeUnit.SECONDS);
        // then the third peer refused the node packet as not addressed to it, and grafted nothing
        Eventually.await("the third peer refusing the misrouted packet", Duration.ofSeconds(5),
                () -> third.inbox.rejections().get(RejectionReason.NOT_FOR_ME) == 1);
        assertEquals(Set.of(), ((ScriptedNodeLending) third.lending).grafted());
        assertEquals(List.of(), third.loans.all());
        assertEquals(0, third.credits.total());
    }
}
