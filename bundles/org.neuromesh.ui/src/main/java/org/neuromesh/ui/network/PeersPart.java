package org.neuromesh.ui.network;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.TableColumn;
import org.neuromesh.api.network.NetworkStatus;
import org.neuromesh.api.network.PeerNetwork;
import org.neuromesh.ui.model.PeerRow;
import org.neuromesh.ui.model.PeersViewModel;
import org.osgi.service.event.Event;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/** The Peers view: every peer this one knows, with health, latency, credits and when it was last heard. */
public class PeersPart {

    public static final String ID = "org.neuromesh.ui.part.peers";
    static final String NO_RUNTIME = "The peer runtime is not running: no network to show.";

    private Label summary;
    private Label actionResult;
    private TableViewer viewer;

    @PostConstruct
    void createControls(Composite parent, @Optional @Service PeerNetwork network) {
        parent.setLayout(new GridLayout());
        summary = new Label(parent, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(summary);
        // the outcome of the last action of the view's toolbar (see org.neuromesh.ui.peers)
        actionResult = new Label(parent, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(actionResult);
        viewer = new TableViewer(parent, SWT.BORDER | SWT.MULTI | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(viewer.getControl());
        List<String> headers = PeersViewModel.COLUMNS;
        for (int i = 0; i < headers.size(); i++) {
            int column = i;
            TableViewerColumn viewerColumn = new TableViewerColumn(viewer, SWT.NONE);
            viewerColumn.getColumn().setText(headers.get(i));
            viewerColumn.getColumn().setWidth(100);
            viewerColumn.setLabelProvider(new ColumnLabelProvider() {
                @Override
                public String getText(Object element) {
                    PeerRow row = (PeerRow) element;
                    return switch (column) {
                        case 0 -> row.id();
                        case 1 -> row.name();
                        case 2 -> row.capabilities();
                        case 3 -> row.health();
                        case 4 -> row.latency();
                        case 5 -> row.credits();
                        default -> row.lastSeen();
                    };
                }
            });
        }
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        show(network == null ? null : network.status());
    }

    @Inject
    @Optional
    void networkChanged(@UIEventTopic(PeerNetwork.TOPIC_CHANGED) Event event) {
        NetworkStatusInput.of(event).ifPresent(this::show);
    }

    /**
     * The names of the selected peers: the display name, or the short id of a peer without one or whose name
     * another peer has too.
     */
    public List<String> selectedPeerNames() {
        if (viewer == null || viewer.getControl().isDisposed()) {
            return List.of();
        }
        Map<String, Long> names = rows().stream().collect(Collectors.groupingBy(PeerRow::name,
                Collectors.counting()));
        return selectedRows().stream().map(row -> row.name().isBlank() || names.get(row.name()) > 1 ? row.id()
                : row.name()).toList();
    }

    private List<PeerRow> selectedRows() {
        return viewer.getStructuredSelection().stream().map(PeerRow.class::cast).toList();
    }

    private List<PeerRow> rows() {
        return viewer.getInput() instanceof List<?> list ? list.stream().map(PeerRow.class::cast).toList()
                : List.of();
    }

    /** Shows the outcome of a peer action under the summary. */
    public void showActionResult(String line) {
        if (actionResult == null || actionResult.isDisposed()) {
            return;
        }
        actionResult.setText(line);
        actionResult.getParent().layout();
    }

    private void show(NetworkStatus status) {
        if (viewer == null || viewer.getControl().isDisposed()) {
            return;
        }
        summary.setText(status == null ? NO_RUNTIME : PeersViewModel.summary(status));
        // rows are values that change with every heartbeat: keep the selection by peer id
        Set<String> selected = selectedRows().stream().map(PeerRow::id).collect(Collectors.toSet());
        List<PeerRow> rows = status == null ? List.of() : PeersViewModel.rows(status);
        viewer.setInput(rows);
        viewer.setSelection(new StructuredSelection(rows.stream().filter(row -> selected.contains(row.id()))
                .toList()));
        for (TableColumn column : viewer.getTable().getColumns()) {
            column.pack();
        }
        summary.getParent().layout();
    }
}
