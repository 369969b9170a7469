package org.neuromesh.localpeers.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.neuromesh.api.network.BrokerConnection;
import org.neuromesh.api.network.LocalPeer;
import org.neuromesh.api.network.LocalPeerPlan;
import org.neuromesh.api.network.LocalPeers;
import org.neuromesh.localpeers.Installation;
import org.neuromesh.localpeers.LocalPeerLauncher;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link LocalPeers} from this installation, in {@code ${neuromesh.home}/local-peers}, joined to the broker the
 * peer's transport uses. Every local peer stops when this component does (the peer shutting down).
 */
@Component(service = LocalPeers.class)
public class LocalPeersComponent implements LocalPeers {

    private static final System.Logger LOG = System.getLogger(LocalPeersComponent.class.getName());
    private static final List<String> PASSED = List.of("neuromesh.mnist.dir", "neuromesh.fashion-mnist.dir");

    private final LocalPeerLauncher launcher;
    private final ExecutorService starts = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "neuromesh-local-peers");
        thread.setDaemon(true);
        return thread;
    });

    @Activate
    public LocalPeersComponent(BundleContext context, @Reference BrokerConnection connection) {
        Path home = Path.of(System.getProperty("neuromesh.home", System.getProperty("user.home") + "/.neuromesh"));
        Map<String, String> passed = new HashMap<>();
        PASSED.forEach(key -> {
            String value = System.getProperty(key);
            if (value != null) {
                passed.put(key, value);
            }
        });
        launcher = new LocalPeerLauncher(home.resolve("local-peers"), () -> installation(context),
                connection::broker, passed, Duration.ofMinutes(2), Duration.ofMinutes(10));
    }

    @Override
    public CompletionStage<LocalPeer> start(LocalPeerPlan plan) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return launcher.start(plan);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                LOG.log(Level.WARNING, e.getMessage());
                throw new java.util.concurrent.CompletionException(e);
            }
        }, starts);
    }

    @Override
    public List<LocalPeer> running() {
        return launcher.running();
    }

    @Override
    public void stopAll() {
        launcher.stopAll();
    }

    @Deactivate
    void deactivate() {
        starts.shutdownNow();
        launcher.stopAll();
    }

    private static Installation installation(BundleContext context) {
        try {
            Path root = area(context, "osgi.install.area");
            Path configuration = area(context, "osgi.configuration.area");
            Path java = ProcessHandle.current().info().command().map(Path::of).orElse(Path.of("java"));
            return Installation.find(root, configuration, java);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path area(BundleContext context, String property) throws IOException {
        String area = context.getProperty(property);
        if (area == null) {
            throw new IOException("local peers start from an installed NeuroMesh product; " + property
                    + " is not set");
        }
        try {
            return Path.of(URI.create(area.replace(" ", "%20")));
        } catch (IllegalArgumentException e) {
            throw new IOException(property + " is not a folder: " + area, e);
        }
    }
}
