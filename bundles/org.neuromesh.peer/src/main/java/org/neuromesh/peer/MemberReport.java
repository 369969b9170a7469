package org.neuromesh.peer;

import org.neuromesh.api.peer.PeerId;

/**
 * What a member tells the aggregator when a session ends: numbers only.
 *
 * @param member who reports
 * @param sessionId the session
 * @param classes the classes of the member's local data, e.g. {@code [0, 1]}
 * @param accuracyAlone accuracy on its test data of a model trained on its own data alone
 * @param accuracyTogether accuracy on its test data of the session's final model
 * @param bytesSent sealed bytes it sent for the session
 * @param bytesReceived sealed bytes it received for the session
 */
public record MemberReport(PeerId member, String sessionId, String classes, double accuracyAlone,
        double accuracyTogether, long bytesSent, long bytesReceived) {
}
