package org.neuromesh.discovery.mqtt;

import org.neuromesh.api.peer.SignedControlMessage;
import org.neuromesh.api.security.RejectedMessageException;

/** Takes the discovery traffic that {@link InboundRouter} has checked for topic and sender. */
interface AnnouncementSink {

    /** A {@code peer.presence} or {@code peer.offline} message of another peer. */
    void presence(SignedControlMessage message) throws RejectedMessageException;

    /** A {@code peer.heartbeat} of another peer. */
    void heartbeat(SignedControlMessage message) throws RejectedMessageException;

    /** This peer's own {@code peer.ping}, back from the broker. */
    void ping(SignedControlMessage message) throws RejectedMessageException;
}
