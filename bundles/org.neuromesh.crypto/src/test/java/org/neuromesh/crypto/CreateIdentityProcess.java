package org.neuromesh.crypto;

import java.nio.file.Path;
import java.security.SecureRandom;

/** Run in a separate JVM by {@link IdentityStoreTest}: loads or creates the identity in args[0], prints its id. */
public final class CreateIdentityProcess {

    private CreateIdentityProcess() {
    }

    public static void main(String[] args) throws Exception {
        // start together: say so, then wait until the test's go file appears
        System.out.println("ready");
        System.out.flush();
        Path go = Path.of(args[1]);
        while (!go.toFile().exists()) {
            Thread.sleep(1);
        }
        PeerIdentity identity = new IdentityStore(Path.of(args[0]), new SecureRandom()).loadOrCreate();
        System.out.println("id=" + identity.id().value());
    }
}
