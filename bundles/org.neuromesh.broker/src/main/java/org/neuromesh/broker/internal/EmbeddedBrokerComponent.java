package org.neuromesh.broker.internal;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import org.neuromesh.broker.BrokerException;
import org.neuromesh.broker.EmbeddedBroker;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Runs the {@link EmbeddedBroker} as configured by {@value BrokerConfig#PID}. In mode auto the broker runs while
 * the MQTT transport's configuration ({@value #TRANSPORT_PID}, property {@value #TRANSPORT_HOST}) names no broker,
 * and stops as soon as it names one: pointing the transport at a community broker is one configuration change.
 * Starting and stopping happen on one thread of this component, in the order the changes arrived.
 */
@Component(service = ConfigurationListener.class, immediate = true, configurationPid = BrokerConfig.PID)
@Designate(ocd = BrokerConfig.class)
public class EmbeddedBrokerComponent implements ConfigurationListener {

    /** Configuration PID of the MQTT transport, watched in mode auto. */
    public static final String TRANSPORT_PID = MqttTransportConfiguration.PID;
    /** Property of {@link #TRANSPORT_PID} naming the broker to connect to; absent or blank: the embedded one. */
    public static final String TRANSPORT_HOST = MqttTransportConfiguration.HOST;

    private static final System.Logger LOG = System.getLogger(EmbeddedBrokerComponent.class.getName());
    private static final String SETTINGS_HINT = " (settings: configuration " + BrokerConfig.PID
            + ", e.g. conf/" + BrokerConfig.PID + ".cfg with mode, host, port, dataDirectory)";

    private final MqttTransportConfiguration transport;
    private final UnaryOperator<String> properties;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            runnable -> new Thread(runnable, "neuromesh-broker"));

    // configuration is set by SCR's threads, read by the worker; the rest is the worker's alone
    private volatile BrokerConfig config;
    private final EmbeddedBroker broker = new EmbeddedBroker();
    private BrokerSettings running;
    private String lastReport;

    @Activate
    public EmbeddedBrokerComponent(BrokerConfig config, @Reference ConfigurationAdmin configurationAdmin,
            BundleContext context) {
        this(config, configurationAdmin, context::getProperty);
    }

    EmbeddedBrokerComponent(BrokerConfig config, ConfigurationAdmin configurationAdmin,
            UnaryOperator<String> properties) {
        this.config = config;
        this.transport = new MqttTransportConfiguration(configurationAdmin);
        this.properties = properties;
        reconcileSoon();
    }

    @Modified
    void modified(BrokerConfig changed) {
        this.config = changed;
        reconcileSoon();
    }

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        if (TRANSPORT_PID.equals(event.getPid())) {
            reconcileSoon();
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        worker.execute(() -> stop("the component is stopping"));
        worker.shutdown();
        if (!worker.awaitTermination(30, TimeUnit.SECONDS)) {
            LOG.log(Level.WARNING, "The embedded MQTT broker did not stop within 30 s");
            worker.shutdownNow();
        }
    }

    private void reconcileSoon() {
        try {
            worker.execute(this::reconcile);
        } catch (RejectedExecutionException e) {
            // Config Admin delivers events asynchronously: one may come after deactivation, and has no effect
        }
    }

    /** Brings the broker to the state the configurations ask for. Runs on the worker only. */
    private void reconcile() {
        BrokerConfig current = config;
        BrokerMode mode;
        BrokerSettings wanted;
        Optional<String> transportHost;
        try {
            mode = BrokerMode.parse(current.mode());
            wanted = BrokerSettings.of(current, properties);
            transportHost = transport.brokerHost();
        } catch (IllegalArgumentException | IOException e) {
            stop("its configuration is invalid");
            report(Level.ERROR, "Embedded MQTT broker not started: " + e.getMessage() + SETTINGS_HINT);
            return;
        }
        if (!mode.wantsBroker(transportHost.isPresent())) {
            String why = mode == BrokerMode.NEVER ? "mode never"
                    : "the MQTT transport uses the broker at " + transportHost.get() + " (" + TRANSPORT_PID + ")";
            String off = "Embedded MQTT broker is off: " + why;
            if (running != null) {
                stop(why);
                lastReport = off; // the stop said why; later changes for the same reason say nothing
            } else {
                report(Level.INFO, off);
            }
            return;
        }
        if (wanted.equals(running)) {
            return;
        }
        stop("its settings changed");
        start(wanted, mode == BrokerMode.ALWAYS ? "mode always"
                : "mode auto and the MQTT transport names no broker (" + TRANSPORT_PID + ")");
    }

    private void start(BrokerSettings settings, String why) {
        long begin = System.nanoTime();
        try {
            broker.start(settings.host(), settings.port(), settings.dataDirectory(), settings.passwordFile());
        } catch (BrokerException | RuntimeException e) {
            report(Level.ERROR, "Embedded MQTT broker not started: " + e.getMessage() + SETTINGS_HINT);
            return;
        }
        running = settings;
        long millis = (System.nanoTime() - begin) / 1_000_000;
        report(Level.INFO, "Embedded MQTT broker started on " + settings.host() + ":" + broker.port() + " in "
                + millis + " ms (MQTT 3.1.1, " + (settings.passwordFile() == null
                        ? "anonymous clients from this machine" : "clients of " + settings.passwordFile())
                + ", data in " + settings.dataDirectory() + "; " + why + ")");
    }

    private void stop(String why) {
        if (running == null) {
            return;
        }
        String where = running.host() + ":" + broker.port();
        long begin = System.nanoTime();
        try {
            broker.stop();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Embedded MQTT broker on " + where + " did not stop cleanly", e);
        }
        running = null;
        report(Level.INFO, "Embedded MQTT broker on " + where + " stopped in "
                + (System.nanoTime() - begin) / 1_000_000 + " ms: " + why);
    }

    /** Logs a state change once; the same report again (e.g. another transport change) is not repeated. */
    private void report(Level level, String message) {
        if (message.startsWith("Embedded MQTT broker is off") && message.equals(lastReport)) {
            return;
        }
        lastReport = message;
        LOG.log(level, message);
    }

    /** For tests: the port of the running broker, once the changes handed over so far are done. */
    Optional<Integer> runningPort() throws Exception {
        return worker.submit(() -> broker.isRunning() ? Optional.of(broker.port()) : Optional.<Integer>empty())
                .get(60, TimeUnit.SECONDS);
    }
}
