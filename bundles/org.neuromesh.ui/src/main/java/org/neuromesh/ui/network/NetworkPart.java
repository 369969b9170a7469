package org.neuromesh.ui.network;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.neuromesh.api.network.MessageFlows;
import org.neuromesh.api.network.PeerNetwork;
import org.neuromesh.ui.model.NetworkViewModel;
import org.neuromesh.ui.model.NetworkViewModel.Kind;
import org.osgi.service.event.Event;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The Network view: this peer, the others and their links, with the messages that pass moving along them
 * (contributions, global states, borrow packets, signals, session messages, capsules), and a line counting them.
 * Frames are drawn only while something moves.
 */
public class NetworkPart {

    private static final int FRAME_MILLIS = 33;
    private static final int NODE_RADIUS = 18;
    private static final int DOT_RADIUS = 5;

    private final NetworkViewModel model = new NetworkViewModel();
    private final Map<Kind, Color> colours = new EnumMap<>(Kind.class);
    private Label summary;
    private Canvas canvas;
    private boolean animating;

    @PostConstruct
    void createControls(Composite parent, @Optional @Service PeerNetwork network) {
        parent.setLayout(new GridLayout());
        summary = new Label(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(summary);
        Label legend = new Label(parent, SWT.WRAP);
        legend.setText("Red: contributions · blue: global states · green: borrow packets · orange: signals · "
                + "grey: session messages · purple: capsules");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(legend);
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(canvas);
        colours.put(Kind.CONTRIBUTION, new Color(0xD6, 0x27, 0x28));
        colours.put(Kind.GLOBAL_STATE, new Color(0x1F, 0x77, 0xB4));
        colours.put(Kind.BORROWING, new Color(0x2C, 0xA0, 0x2C));
        colours.put(Kind.SIGNAL, new Color(0xFF, 0x7F, 0x0E));
        colours.put(Kind.SESSION, new Color(0x7F, 0x7F, 0x7F));
        colours.put(Kind.CAPSULE, new Color(0x94, 0x67, 0xBD));
        canvas.addListener(SWT.Paint, event -> paint(event.gc));
        if (network != null) {
            model.update(network.status());
        }
        showSummary();
    }

    @Inject
    @Optional
    void networkChanged(@UIEventTopic(PeerNetwork.TOPIC_CHANGED) Event event) {
        NetworkStatusInput.of(event).ifPresent(status -> {
            model.update(status);
            redraw();
        });
    }

    @Inject
    @Optional
    void messagesPassed(@UIEventTopic(PeerNetwork.TOPIC_MESSAGES) Event event) {
        if (event != null && event.getProperty(PeerNetwork.FLOWS) instanceof MessageFlows flows) {
            model.passed(flows, System.currentTimeMillis());
            redraw();
        }
    }

    private void redraw() {
        if (canvas == null || canvas.isDisposed()) {
            return;
        }
        showSummary();
        canvas.redraw();
        if (!animating && model.moving(System.currentTimeMillis())) {
            animating = true;
            canvas.getDisplay().timerExec(FRAME_MILLIS, this::frame);
        }
    }

    /** The next frame while dots fly; stops once all arrived. */
    private void frame() {
        if (canvas.isDisposed()) {
            return;
        }
        canvas.redraw();
        showSummary();
        if (model.moving(System.currentTimeMillis())) {
            canvas.getDisplay().timerExec(FRAME_MILLIS, this::frame);
        } else {
            animating = false;
        }
    }

    private void showSummary() {
        String text = model.summary(System.currentTimeMillis());
        if (!text.equals(summary.getText())) {
            summary.setText(text);
        }
    }

    private void paint(GC gc) {
        Rectangle area = canvas.getClientArea();
        gc.setAntialias(SWT.ON);
        List<NetworkViewModel.Node> nodes = model.nodes();
        NetworkViewModel.Node self = nodes.stream().filter(NetworkViewModel.Node::self).findFirst().orElse(null);
        gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_GRAY));
        for (NetworkViewModel.Node node : nodes) {
            if (self != null && !node.self()) {
                Point a = at(self.x(), self.y(), area);
                Point b = at(node.x(), node.y(), area);
                gc.drawLine(a.x, a.y, b.x, b.y);
            }
        }
        for (NetworkViewModel.Dot dot : model.dots(System.currentTimeMillis())) {
            Point p = at(dot.x(), dot.y(), area);
            gc.setBackground(colours.get(dot.kind()));
            gc.fillOval(p.x - DOT_RADIUS, p.y - DOT_RADIUS, 2 * DOT_RADIUS, 2 * DOT_RADIUS);
        }
        for (NetworkViewModel.Node node : nodes) {
            Point p = at(node.x(), node.y(), area);
            gc.setBackground(canvas.getDisplay().getSystemColor(node.self() ? SWT.COLOR_DARK_BLUE
                    : SWT.COLOR_DARK_GREEN));
            gc.fillOval(p.x - NODE_RADIUS, p.y - NODE_RADIUS, 2 * NODE_RADIUS, 2 * NODE_RADIUS);
            gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_BLACK));
            String text = node.label() + " (" + node.id() + ")";
            Point extent = gc.textExtent(text);
            gc.drawText(text, p.x - extent.x / 2, p.y + NODE_RADIUS + 2, true);
        }
    }

    private static Point at(double x, double y, Rectangle area) {
        return new Point(area.x + (int) Math.round(x * area.width), area.y + (int) Math.round(y * area.height));
    }
}
