package org.neuromesh.ui.network;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.neuromesh.api.network.PeerNetwork;
import org.neuromesh.ui.model.ConnectionText;
import org.osgi.service.event.Event;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/** The status line's connection state: where this peer is connected and how many peers it knows, or why not. */
public class ConnectionStatusControl {

    private Label text;

    @PostConstruct
    void createControls(Composite parent, @Optional @Service PeerNetwork network) {
        Composite area = new Composite(parent, SWT.NONE);
        area.setLayout(new FillLayout());
        text = new Label(area, SWT.NONE);
        text.setText(network == null ? ConnectionText.STARTING : ConnectionText.of(network.status()));
    }

    @Inject
    @Optional
    void networkChanged(@UIEventTopic(PeerNetwork.TOPIC_CHANGED) Event event) {
        NetworkStatusInput.of(event).ifPresent(status -> {
            if (text != null && !text.isDisposed()) {
                text.setText(ConnectionText.of(status));
                text.getParent().getParent().layout(true, true);
            }
        });
    }
}
