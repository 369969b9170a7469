package org.neuromesh.ui.providers;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UISynchronize;
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
import org.neuromesh.api.provider.ProviderCatalog;
import org.neuromesh.api.provider.ProviderDescription;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The Providers view: every NeuroMesh provider registered in the framework, one row each, kept up to date as
 * bundles come and go.
 *
 * <p>The {@link ProviderCatalog} is the OSGi service, injected dynamically: it may be absent, arrive late or go
 * away. Catalog changes are told on framework threads; the view re-reads the catalog on the UI thread, so the
 * last refresh always shows the latest state.
 */
public class ProvidersPart {

    private static final Logger LOG = System.getLogger(ProvidersPart.class.getName());

    static final String NO_CATALOG =
            "The provider catalog is not available: the NeuroMesh core (org.neuromesh.catalog) is not running.";
    static final String NO_PROVIDERS =
            "No providers are registered. Drop a plug-in into the plug-in folder to add one.";

    private static final int COLUMN_PADDING = 12;

    private final UISynchronize ui;
    private final AtomicBoolean refreshQueued = new AtomicBoolean();
    private volatile ProviderCatalog catalog;
    private AutoCloseable subscription;
    private Label status;
    private TableViewer viewer;

    @Inject
    public ProvidersPart(UISynchronize ui) {
        this.ui = ui;
    }

    /** Called again, on any thread, whenever the catalog service arrives or leaves. */
    @Inject
    synchronized void setCatalog(@Optional @Service ProviderCatalog newCatalog) {
        if (newCatalog == catalog) {
            return;
        }
        unsubscribe();
        catalog = newCatalog;
        if (newCatalog != null) {
            subscription = newCatalog.addListener(providers -> refreshLater());
        }
        refreshLater();
    }

    @PostConstruct
    void createControls(Composite parent) {
        parent.setLayout(new GridLayout());
        status = new Label(parent, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(status);

        viewer = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(viewer.getControl());
        for (ProviderColumn column : ProviderColumn.values()) {
            TableViewerColumn viewerColumn = new TableViewerColumn(viewer, SWT.NONE);
            viewerColumn.getColumn().setText(column.header());
            viewerColumn.getColumn().setWidth(column.width());
            viewerColumn.setLabelProvider(new ColumnLabelProvider() {
                @Override
                public String getText(Object element) {
                    return column.text((ProviderDescription) element);
                }
            });
        }
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        refresh();
    }

    @PreDestroy
    synchronized void dispose() {
        unsubscribe();
        catalog = null;
    }

    private void refreshLater() {
        if (refreshQueued.compareAndSet(false, true)) {
            ui.asyncExec(this::refresh);
        }
    }

    private void refresh() {
        refreshQueued.set(false);
        if (viewer == null || viewer.getControl().isDisposed()) {
            return;
        }
        ProviderCatalog current = catalog;
        List<ProviderDescription> providers = current == null ? List.of() : current.providers();
        viewer.setInput(providers);
        TableColumn[] columns = viewer.getTable().getColumns();
        for (int i = 0; i < columns.length - 1; i++) { // fit all but the last, open-ended Properties column
            columns[i].pack();
            columns[i].setWidth(columns[i].getWidth() + COLUMN_PADDING);
        }
        status.setText(current == null ? NO_CATALOG : summary(providers.size()));
        status.getParent().layout();
    }

    static String summary(int count) {
        return switch (count) {
            case 0 -> NO_PROVIDERS;
            case 1 -> "1 provider";
            default -> count + " providers";
        };
    }

    private void unsubscribe() {
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Could not stop listening to the provider catalog", e);
            }
            subscription = null;
        }
    }
}
