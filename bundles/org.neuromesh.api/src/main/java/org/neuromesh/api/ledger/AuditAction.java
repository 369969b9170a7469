package org.neuromesh.api.ledger;

/** What an audit record records. */
public enum AuditAction {
    /** A sealed capsule was sent to another peer. */
    CAPSULE_SHARED,
    /** A peer contributed a capsule to a collaborative round. */
    ROUND_CONTRIBUTED,
    /** Trained nodes were lent to another peer. */
    NODES_LENT,
    /** Lent nodes came back, with their final state. */
    NODES_RETURNED,
    /** Credits moved between peers. */
    CREDITS_TRANSFERRED
}
