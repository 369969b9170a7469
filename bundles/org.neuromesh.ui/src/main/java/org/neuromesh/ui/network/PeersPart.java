package org.neuromesh.ui.network;

import java.util.List;

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
import org.neuromesh.api.network.PeerNetwork;
import org.neuromesh.ui.model.PeerRow;
import org.neuromesh.ui.model.PeersViewModel;
import org.osgi.service.event.Event;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/** The Peers view: every peer this one knows, with health, latency, credits and when it was last heard. */
public class PeersPart {

    static final String NO_RUNTIME = "The peer runtime is not running: no network to show.";

    private Label summary;
    private TableViewer viewer;

    @PostConstruct
    void createControls(Composite parent, @Optional @Service PeerNetwork network) {
        parent.setLayout(new GridLayout());
        summary = new Label(parent, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(summary);
        viewer = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
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

    private void show(NetworkStatus status) {
        if (viewer == null || viewer.getControl().isDisposed()) {
            return;
        }
        summary.setText(status == null ? NO_RUNTIME : PeersViewModel.summary(status));
        viewer.setInput(status == null ? List.of() : PeersViewModel.rows(status));
        for (TableColumn column : viewer.getTable().getColumns()) {
            column.pack();
        }
        summary.getParent().layout();
    }
}
