package org.neuromesh.localpeers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.neuromesh.api.network.BrokerAddress;
import org.neuromesh.api.network.LocalPeer;
import org.neuromesh.api.network.LocalPeerPlan;
import org.neuromesh.api.network.PeerActionException;

/**
 * Starts, tracks and stops the local peers, each in {@code root/<name>}. A start blocks until the peer is ready
 * (callers run it on a thread of their own). Folders left by a peer that was not stopped (the starting peer
 * crashed) are cleared before a peer of that name starts again; such a peer stops by itself once the peer that
 * started it has gone (see {@link LocalPeerFolder#PARENT_PROPERTY}).
 */
public final class LocalPeerLauncher {

    /** The console line the server bundle prints once every component is up. */
    static final String READY = "NeuroMesh ready";
    private static final Pattern OWN_MODEL = Pattern.compile("own model: ([0-9.]+)% on local test data");
    private static final System.Logger LOG = System.getLogger(LocalPeerLauncher.class.getName());

    private final Path root;
    private final Supplier<Installation> installation;
    private final Supplier<BrokerAddress> broker;
    private final Map<String, String> passedProperties;
    private final Duration readyTimeout;
    private final Duration trainingTimeout;
    private final Map<String, Running> running = new LinkedHashMap<>();
    private final Map<String, Starting> starting = new LinkedHashMap<>();

    private record Running(LocalPeer peer, LocalPeerProcess process) {
    }

    /** A peer on its way up: its process once launched, and whether {@link #stopAll} stopped it meanwhile. */
    private static final class Starting {
        LocalPeerProcess process;
        boolean stopped;
    }

    /**
     * @param installation     the installed product, or an {@link UncheckedIOException} saying why there is none
     * @param broker           the broker this peer uses now
     * @param passedProperties system properties the local peers get too (where the data sets are)
     */
    public LocalPeerLauncher(Path root, Supplier<Installation> installation, Supplier<BrokerAddress> broker,
            Map<String, String> passedProperties, Duration readyTimeout, Duration trainingTimeout) {
        this.root = root;
        this.installation = installation;
        this.broker = broker;
        this.passedProperties = Map.copyOf(passedProperties);
        this.readyTimeout = readyTimeout;
        this.trainingTimeout = trainingTimeout;
    }

    /**
     * Starts a local peer and waits until it is ready, with its own model trained if the plan asks for one.
     *
     * @throws PeerActionException saying why it did not start; the process is stopped and its folder deleted then
     */
    public LocalPeer start(LocalPeerPlan plan) throws PeerActionException, InterruptedException {
        BrokerAddress address = joinableBroker();
        Installation product;
        try {
            product = installation.get();
        } catch (UncheckedIOException e) {
            throw new PeerActionException("Cannot start local peer " + plan.name() + ": " + e.getCause().getMessage(),
                    e);
        }
        Path folder = root.resolve(plan.name());
        Starting start = new Starting();
        synchronized (this) {
            if (running.containsKey(plan.name()) || starting.containsKey(plan.name())) {
                throw new PeerActionException("A local peer named " + plan.name() + " runs already");
            }
            starting.put(plan.name(), start);
        }
        LocalPeerProcess process = null;
        boolean ready = false;
        try {
            deleteTree(folder);
            LocalPeerFolder created = LocalPeerFolder.create(folder, plan, product, address);
            process = LocalPeerProcess.start(created.command(product, ProcessHandle.current().pid(),
                    passedProperties), folder);
            synchronized (this) {
                start.process = process;
                refuseIfStopped(start, plan);
            }
            LOG.log(Level.INFO, "Local peer " + plan.name() + " started (process " + process.pid() + ") in "
                    + folder);
            await(process, 0, line -> line.contains(READY), readyTimeout, plan, "to be ready");
            double accuracy = Double.NaN;
            if (!plan.ownModelHidden().isEmpty()) {
                accuracy = trainOwnModel(process, plan);
            }
            LocalPeer peer = new LocalPeer(plan, process.pid(), folder, accuracy);
            synchronized (this) {
                refuseIfStopped(start, plan);
                running.put(plan.name(), new Running(peer, process));
                ready = true;
            }
            LOG.log(Level.INFO, "Local peer {0} ready", plan.name());
            return peer;
        } catch (IOException e) {
            synchronized (this) {
                refuseIfStopped(start, plan); // its process ended because it was stopped: say that
            }
            throw new PeerActionException("Local peer " + plan.name() + " did not start: " + e.getMessage(), e);
        } finally {
            if (!ready) {
                synchronized (this) {
                    starting.remove(plan.name());
                }
                stopQuietly(plan.name(), process, folder);
            }
        }
    }

    private static void refuseIfStopped(Starting start, LocalPeerPlan plan) throws PeerActionException {
        if (start.stopped) {
            throw new PeerActionException("Local peer " + plan.name() + " was stopped while it started");
        }
    }

    /** The local peers running now, in the order they became ready. */
    public synchronized List<LocalPeer> running() {
        return running.values().stream().map(Running::peer).toList();
    }

    /**
     * Stops every local peer and deletes its folder; waits until the ready ones have gone. Peers still starting are
     * stopped too: their processes end now, their starts fail saying so and delete their folders.
     */
    public void stopAll() {
        List<Running> stopping;
        List<LocalPeerProcess> launched;
        synchronized (this) {
            stopping = List.copyOf(running.values());
            running.clear();
            starting.values().forEach(start -> start.stopped = true);
            launched = starting.values().stream().map(start -> start.process).filter(Objects::nonNull).toList();
        }
        for (LocalPeerProcess process : launched) {
            try {
                process.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // it was asked to end (destroy) before the wait
            }
        }
        for (Running r : stopping) {
            stopQuietly(r.peer().name(), r.process(), r.peer().folder());
        }
    }

    private BrokerAddress joinableBroker() throws PeerActionException {
        BrokerAddress address = broker.get();
        if (!address.username().isEmpty() || address.tls() || !isThisMachine(address.host())) {
            throw new PeerActionException("Local peers join this machine's broker; this peer is connected to "
                    + address.uri() + (address.username().isEmpty() ? "" : " as " + address.username())
                    + ". Connect to the embedded broker first (Network > Connect to a broker..., host 127.0.0.1).");
        }
        return address;
    }

    private static boolean isThisMachine(String host) {
        if (host.isEmpty() || host.equals("localhost")) {
            return true;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private double trainOwnModel(LocalPeerProcess process, LocalPeerPlan plan) throws IOException,
            InterruptedException, PeerActionException {
        long mark = process.mark();
        process.type("neuromesh:borrow train-own --hidden " + plan.ownModelHidden().stream().map(String::valueOf)
                .collect(Collectors.joining(",")) + " --epochs " + plan.ownModelEpochs());
        String line = await(process, mark, l -> OWN_MODEL.matcher(l).find() || l.contains("borrow failed"),
                trainingTimeout, plan, "to train its own model");
        Matcher model = OWN_MODEL.matcher(line);
        if (!model.find()) {
            throw new PeerActionException("Local peer " + plan.name() + " could not train its own model: " + line);
        }
        return Double.parseDouble(model.group(1)) / 100;
    }

    private static String await(LocalPeerProcess process, long mark, java.util.function.Predicate<String> wanted,
            Duration timeout, LocalPeerPlan plan, String what) throws IOException, InterruptedException,
            PeerActionException {
        Optional<String> line = process.awaitLine(mark, wanted, timeout);
        if (line.isEmpty()) {
            throw new PeerActionException("Local peer " + plan.name() + " took longer than " + timeout.toSeconds()
                    + " s " + what + "; its last lines:\n" + process.tail(20));
        }
        return line.get();
    }

    private static void stopQuietly(String name, LocalPeerProcess process, Path folder) {
        try {
            if (process != null) {
                process.close();
            }
            deleteTree(folder);
            LOG.log(Level.INFO, "Local peer {0} stopped, its folder deleted", name);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Local peer " + name + " stopped; its folder " + folder
                    + " could not be deleted: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.log(Level.WARNING, "Interrupted while stopping local peer " + name);
        }
    }

    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
