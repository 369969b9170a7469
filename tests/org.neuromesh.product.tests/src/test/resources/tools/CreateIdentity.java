import java.nio.file.Path;
import java.security.SecureRandom;
import org.neuromesh.crypto.IdentityStore;

/**
 * TEST TOOL for the product tests, not a product: creates a peer's identity in its identity directory before the
 * peer first starts, as the peer would itself, and prints the peer id. A broker that binds client ids to users needs
 * the id as the peer's user name before the peer connects. Run as a source-file program with the product's jars:
 *
 * <pre>java -cp api.jar:crypto.jar CreateIdentity.java IDENTITY_DIRECTORY</pre>
 */
public class CreateIdentity {

    public static void main(String[] args) throws Exception {
        System.out.println("peer id " + new IdentityStore(Path.of(args[0]), new SecureRandom()).loadOrCreate().id()
                .value());
    }
}
