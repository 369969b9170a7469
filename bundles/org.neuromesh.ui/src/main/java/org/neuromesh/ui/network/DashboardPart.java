package org.neuromesh.ui.network;

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
import org.eclipse.swt.widgets.TableColumn;
import org.neuromesh.api.network.NetworkStatus;
import org.neuromesh.api.network.PeerNetwork;
import org.neuromesh.ui.model.DashboardModel;
import org.osgi.service.event.Event;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/** The Dashboard: the network's figures at a glance, updated as the peer tells its changes. */
public class DashboardPart {

    private final DashboardModel model = new DashboardModel();
    private TableViewer viewer;

    @PostConstruct
    void createControls(Composite parent, @Optional @Service PeerNetwork network) {
        parent.setLayout(new GridLayout());
        viewer = new TableViewer(parent, SWT.BORDER | SWT.V_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(viewer.getControl());
        column("Figure", figure -> figure.name());
        column("Value", figure -> figure.value());
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        if (network != null) {
            show(network.status());
        }
    }

    @Inject
    @Optional
    void networkChanged(@UIEventTopic(PeerNetwork.TOPIC_CHANGED) Event event) {
        NetworkStatusInput.of(event).ifPresent(this::show);
    }

    private void column(String header, java.util.function.Function<DashboardModel.Figure, String> text) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.NONE);
        column.getColumn().setText(header);
        column.getColumn().setWidth(200);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((DashboardModel.Figure) element);
            }
        });
    }

    private void show(NetworkStatus status) {
        if (viewer == null || viewer.getControl().isDisposed()) {
            return;
        }
        model.update(status);
        viewer.setInput(model.figures());
        for (TableColumn column : viewer.getTable().getColumns()) {
            column.pack();
        }
    }
}
