package org.neuromesh.peer;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The loans a peer took part in, as lender ({@link Lending}) or borrower ({@link Borrowing}). Thread-safe. */
public final class Loans {

    private final Map<String, Loan> byPacket = new ConcurrentHashMap<>();

    void put(Loan loan) {
        byPacket.put(loan.packetId(), loan);
    }

    Optional<Loan> get(String packetId) {
        return Optional.ofNullable(byPacket.get(packetId));
    }

    /** Every loan, oldest first. */
    public List<Loan> all() {
        return byPacket.values().stream().sorted(Comparator.comparing(Loan::lentAt)).toList();
    }
}
