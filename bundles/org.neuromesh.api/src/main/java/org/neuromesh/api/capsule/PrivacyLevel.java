package org.neuromesh.api.capsule;

/** How far a piece of content may travel. */
public enum PrivacyLevel {
    /** Behavioural content with nothing personal in it; may be shared once sealed. */
    SHAREABLE,
    /** Content derived from personal data whose identifying parts were masked; may be shared once sealed. */
    MASKED,
    /** Personal content; never leaves the device, not even sealed. */
    PRIVATE;

    /** Whether content of this level may be sealed and sent to another peer. */
    public boolean mayLeaveDevice() {
        return this != PRIVATE;
    }
}
