package org.neuromesh.localpeers.internal;

import java.lang.System.Logger.Level;
import java.util.Optional;

import org.neuromesh.localpeers.LocalPeerFolder;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * In a local peer ({@link LocalPeerFolder#PARENT_PROPERTY} set): stops this peer once the peer that started it has
 * gone, also when that one crashed or was killed and could not stop it, so no local peer outlives its starter.
 */
@Component(immediate = true)
public class ParentWatchComponent {

    private static final System.Logger LOG = System.getLogger(ParentWatchComponent.class.getName());

    @Activate
    void activate(BundleContext context) {
        String parent = context.getProperty(LocalPeerFolder.PARENT_PROPERTY);
        if (parent == null || !parent.matches("[0-9]{1,19}")) {
            return;
        }
        Optional<ProcessHandle> starter = ProcessHandle.of(Long.parseLong(parent));
        if (starter.isEmpty()) {
            stop(context, parent);
        } else {
            starter.get().onExit().thenRun(() -> stop(context, parent));
        }
    }

    private static void stop(BundleContext context, String parent) {
        LOG.log(Level.WARNING, "The peer that started this local peer (process " + parent + ") has gone; stopping");
        try {
            context.getBundle(0).stop();
        } catch (BundleException | IllegalStateException e) {
            LOG.log(Level.ERROR, "Could not stop this local peer: " + e.getMessage());
        }
    }
}
