package org.neuromesh.discovery.mqtt;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connection's own retry loop, against a broker that does not behave. */
class MqttLinkTest {

    @TempDir
    Path work;

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private ServerSocket silentBroker;
    private MqttLink link;

    @AfterEach
    void close() throws IOException {
        if (link != null) {
            link.abort();
        }
        scheduler.shutdownNow();
        silentBroker.close();
        for (Socket socket : accepted) {
            socket.close();
        }
    }

    @Test
    void givenABrokerThatAcceptsButNeverAnswers_whenTheLinkConnects_thenItAbandonsTheAttemptAndTriesAgain()
            throws Exception {
        // given a "broker" on loopback that accepts connections and never sends a CONNACK
        silentBroker = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    accepted.add(silentBroker.accept());
                }
            } catch (IOException closed) {
                // the test is over
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        MqttSettings settings = MqttSettings.builder().host("127.0.0.1").port(silentBroker.getLocalPort())
                .outboxDirectory(work.resolve("outbox")).build();
        // when a link with a 300 ms answer timeout starts connecting
        link = new MqttLink(settings, "silent-broker-test", Map.of(), null, scheduler, new MqttLink.Listener() {
            @Override
            public void connected(boolean reconnect) {
            }

            @Override
            public void disconnected() {
            }

            @Override
            public void messageArrived(String topic, byte[] payload, Runnable acknowledge) {
            }
        }, 300);
        link.start();
        // then it does not wait for ever: it gives up on the silent connection and connects again, and says why
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (accepted.size() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(accepted.size() >= 3, "connections the silent broker saw: " + accepted.size());
        assertFalse(link.isConnected());
        String error = link.status().lastError();
        assertTrue(error != null && error.contains("did not answer within 300 ms"), String.valueOf(error));
    }
}
