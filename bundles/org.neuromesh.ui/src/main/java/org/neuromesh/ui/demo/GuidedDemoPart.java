package org.neuromesh.ui.demo;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.neuromesh.api.federation.NodeLending;
import org.neuromesh.api.network.LocalPeers;
import org.neuromesh.api.network.PeerActions;
import org.neuromesh.api.network.PeerNetwork;
import org.neuromesh.ui.model.GuidedDemo;
import org.neuromesh.ui.model.GuidedDemoSteps;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The guided demo's side panel: the current step explained, Next to do it, what each done step brought, and Stop
 * to end the demo at any time. The steps run off the UI thread ({@link GuidedDemoSteps}); closing the panel stops
 * the demo peers too.
 */
public class GuidedDemoPart {

    public static final String ID = "org.neuromesh.ui.part.guideddemo";

    private static final System.Logger LOG = System.getLogger(GuidedDemoPart.class.getName());

    private final GuidedDemo demo = new GuidedDemo();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "neuromesh-guided-demo");
        thread.setDaemon(true);
        return thread;
    });
    private GuidedDemoSteps steps;
    private Label heading;
    private Label explanation;
    private Label status;
    private Button next;
    private Composite log;

    @Inject
    UISynchronize ui;
    @Inject
    EPartService parts;
    @Inject
    EModelService models;
    @Inject
    MApplication application;
    @Inject
    MPart part;

    @PostConstruct
    void createControls(Composite parent, @Optional @Service LocalPeers localPeers,
            @Optional @Service PeerActions actions, @Optional @Service PeerNetwork network,
            @Optional @Service NodeLending lending) {
        if (localPeers != null && actions != null && network != null && lending != null) {
            steps = new GuidedDemoSteps(localPeers, actions, network, lending, worker, worker, Duration.ofSeconds(60),
                    Duration.ofMinutes(3));
        }
        // the log grows with every step: the panel scrolls rather than cut it off
        parent.setLayout(new FillLayout());
        ScrolledComposite scrolled = new ScrolledComposite(parent, SWT.V_SCROLL);
        scrolled.setExpandHorizontal(true);
        scrolled.setExpandVertical(true);
        Composite panel = new Composite(scrolled, SWT.NONE);
        scrolled.setContent(panel);
        scrolled.addListener(SWT.Resize, event -> fit(scrolled, panel));
        GridLayoutFactory.fillDefaults().margins(8, 8).applyTo(panel);
        heading = new Label(panel, SWT.WRAP);
        heading.setFont(JFaceResources.getBannerFont());
        GridDataFactory.fillDefaults().grab(true, false).hint(240, SWT.DEFAULT).applyTo(heading);
        explanation = new Label(panel, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(240, SWT.DEFAULT).applyTo(explanation);
        status = new Label(panel, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(240, SWT.DEFAULT).applyTo(status);
        Composite buttons = new Composite(panel, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(buttons);
        next = new Button(buttons, SWT.PUSH);
        next.addListener(SWT.Selection, event -> next());
        GridDataFactory.fillDefaults().hint(110, SWT.DEFAULT).applyTo(next);
        Button stop = new Button(buttons, SWT.PUSH);
        stop.setText("Stop the demo");
        stop.setToolTipText("Stops the demo peers, deletes their folders and closes this panel");
        stop.addListener(SWT.Selection, event -> close());
        Label logHeading = new Label(panel, SWT.NONE);
        logHeading.setText("What happened so far:");
        logHeading.setFont(JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT));
        GridDataFactory.fillDefaults().indent(0, 12).applyTo(logHeading);
        log = new Composite(panel, SWT.NONE);
        GridLayoutFactory.fillDefaults().spacing(0, 6).applyTo(log);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(log);
        refresh();
        if (steps == null) {
            status.setText("The guided demo needs the peer runtime, the MQTT transport and local peers; one of them"
                    + " is not running (see the Providers view and the log).");
            next.setEnabled(false);
        }
    }

    private void next() {
        if (demo.state() == GuidedDemo.State.FINISHED) {
            close();
            return;
        }
        GuidedDemo.Step step = demo.started();
        refresh();
        steps.perform(step).whenComplete((outcome, failure) -> ui.asyncExec(() -> {
            if (heading.isDisposed()) {
                return;
            }
            if (failure == null) {
                LOG.log(Level.INFO, "Guided demo: " + outcome);
                demo.succeeded(outcome);
                if (!step.part().isEmpty()) {
                    parts.showPart(step.part(), PartState.VISIBLE);
                }
            } else {
                String reason = reason(failure);
                LOG.log(Level.WARNING, "Guided demo: " + step.title() + " failed: " + reason);
                demo.failed(reason);
            }
            refresh();
        }));
    }

    private static String reason(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }

    private void refresh() {
        boolean finished = demo.state() == GuidedDemo.State.FINISHED;
        heading.setText(demo.heading());
        explanation.setText(finished ? "Help > Guided Demo starts it again." : demo.step().explanation());
        status.setText(demo.status());
        next.setText(finished ? "Close" : demo.nextLabel());
        next.setEnabled(steps != null && (finished || demo.canGoNext()));
        // one wrapped line per step done; at most seven, so they are simply made again
        for (Control line : log.getChildren()) {
            line.dispose();
        }
        for (String outcome : demo.log()) {
            Label line = new Label(log, SWT.WRAP);
            line.setText(outcome);
            GridDataFactory.fillDefaults().grab(true, false).hint(240, SWT.DEFAULT).applyTo(line);
        }
        heading.getParent().layout(true, true);
        fit((ScrolledComposite) heading.getParent().getParent(), heading.getParent());
    }

    /** The panel as wide as the view and as tall as its wrapped lines need. */
    private static void fit(ScrolledComposite scrolled, Composite panel) {
        int width = scrolled.getClientArea().width;
        scrolled.setMinSize(panel.computeSize(width > 0 ? width : SWT.DEFAULT, SWT.DEFAULT));
    }

    /** Ends the demo: the panel goes (Help > Guided Demo brings a new one); the peers stop in {@link #dispose()}. */
    private void close() {
        parts.hidePart(part);
    }

    @PreDestroy
    void dispose() {
        GuidedDemoSteps running = steps;
        worker.shutdownNow();
        if (running != null) {
            // stopping waits for the processes to end: not on the UI thread
            Thread stopper = new Thread(running::stop, "neuromesh-guided-demo-stop");
            stopper.setDaemon(false);
            stopper.start();
        }
        // the panel's stack goes with it, once the part is gone; not when the workbench itself is closing
        try {
            ui.asyncExec(() -> models.findElements(application, GuidedDemoHandler.STACK, MPartStack.class).forEach(
                    stack -> stack.setToBeRendered(false)));
        } catch (RuntimeException displayGone) {
            LOG.log(Level.DEBUG, "Guided demo panel closed with the workbench");
        }
    }
}
