package org.neuromesh.ui.peers;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.TableColumn;
import org.neuromesh.api.network.NetworkStatus;
import org.neuromesh.api.network.PeerActions;
import org.neuromesh.api.network.PeerNetwork;
import org.neuromesh.api.network.SessionProgress;
import org.neuromesh.api.peer.PeerId;
import org.neuromesh.api.peer.PeerInfo;
import org.neuromesh.ui.model.SessionViewModel;
import org.osgi.service.event.Event;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The Session view: the session this peer last heard of (started here, or one it takes part in), its state and a
 * row per closed round, live from {@link PeerActions#TOPIC_SESSION}.
 */
public class SessionPart {

    public static final String ID = "org.neuromesh.ui.part.session";

    private Label summary;
    private Label details;
    private TableViewer viewer;
    private PeerNetwork network;
    /** The session shown: the newest one started here wins over sessions merely joined. */
    private SessionProgress shown;

    @PostConstruct
    void createControls(Composite parent, @Optional @Service PeerNetwork network,
            @Optional @Service PeerActions actions) {
        this.network = network;
        parent.setLayout(new GridLayout());
        summary = new Label(parent, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(summary);
        details = new Label(parent, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(details);
        viewer = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(viewer.getControl());
        for (int i = 0; i < SessionViewModel.COLUMNS.size(); i++) {
            int column = i;
            TableViewerColumn viewerColumn = new TableViewerColumn(viewer, SWT.NONE);
            viewerColumn.getColumn().setText(SessionViewModel.COLUMNS.get(i));
            viewerColumn.getColumn().setWidth(100);
            viewerColumn.setLabelProvider(new ColumnLabelProvider() {
                @Override
                public String getText(Object element) {
                    return ((SessionViewModel.Row) element).cells().get(column);
                }
            });
        }
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        summary.setText(SessionViewModel.NO_SESSION);
        details.setText("");
        viewer.setInput(List.of());
        // a view opened after a session started shows it at once; events bring what follows
        if (actions != null) {
            SessionViewModel.latest(actions.sessions()).ifPresent(this::show);
        }
    }

    @Inject
    @Optional
    void sessionChanged(@UIEventTopic(PeerActions.TOPIC_SESSION) Event event) {
        if (event == null || !(event.getProperty(PeerActions.SESSION) instanceof SessionProgress progress)) {
            return;
        }
        // one session at a time: a session aggregated here is not replaced by one merely joined while it runs
        SessionProgress current = shown;
        boolean currentOpen = current != null && current.aggregating() && !progress.sessionId().equals(current
                .sessionId()) && (current.state() == SessionProgress.State.JOINING
                        || current.state() == SessionProgress.State.RUNNING) && !progress.aggregating();
        if (!currentOpen) {
            show(progress);
        }
    }

    private void show(SessionProgress progress) {
        if (viewer == null || viewer.getControl().isDisposed()) {
            return;
        }
        shown = progress;
        NetworkStatus status = network == null ? null : network.status();
        PeerId self = status == null ? null : status.self();
        Map<PeerId, String> names = status == null ? Map.of() : status.peers().stream().collect(Collectors.toMap(
                PeerInfo::id, PeerInfo::displayName, (a, b) -> a));
        summary.setText(SessionViewModel.summary(progress));
        details.setText(SessionViewModel.details(progress));
        viewer.setInput(SessionViewModel.rows(progress, self, names));
        for (TableColumn column : viewer.getTable().getColumns()) {
            column.pack();
        }
        summary.getParent().layout();
    }
}
