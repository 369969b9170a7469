package org.neuromesh.server.internal;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.neuromesh.server.PluginFolder;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.FrameworkWiring;

/** {@link PluginFolder.Bundles} on the real framework. */
final class FrameworkBundles implements PluginFolder.Bundles {

    private final BundleContext context;

    FrameworkBundles(BundleContext context) {
        this.context = context;
    }

    @Override
    public long install(Path jar, String location) throws Exception {
        Bundle bundle;
        // Installing from a stream makes the framework keep its own copy: the user may delete or replace the file.
        try (InputStream in = Files.newInputStream(jar)) {
            bundle = context.installBundle(location, in);
        }
        start(bundle);
        return bundle.getBundleId();
    }

    @Override
    public void update(long bundleId, Path jar) throws Exception {
        Bundle bundle = context.getBundle(bundleId);
        try (InputStream in = Files.newInputStream(jar)) {
            bundle.update(in);
        }
        refresh(bundle);
        start(bundle);
    }

    @Override
    public void uninstall(long bundleId) throws Exception {
        Bundle bundle = context.getBundle(bundleId);
        if (bundle != null) {
            bundle.uninstall();
            refresh(bundle);
        }
    }

    @Override
    public Long installedAt(String location) {
        Bundle bundle = context.getBundle(location);
        return bundle == null ? null : bundle.getBundleId();
    }

    @Override
    public boolean providedElsewhere(String symbolicName, String version, String location) {
        Version wanted = Version.parseVersion(version);
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName()) && wanted.equals(bundle.getVersion())
                    && !location.equals(bundle.getLocation())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Map<String, Long> installedByFolder(String locationPrefix) {
        Map<String, Long> ours = new HashMap<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getLocation().startsWith(locationPrefix)) {
                ours.put(bundle.getLocation(), bundle.getBundleId());
            }
        }
        return ours;
    }

    private static void start(Bundle bundle) throws BundleException {
        if (bundle.getHeaders().get("Fragment-Host") == null) {
            try {
                bundle.start();
            } catch (BundleException e) {
                throw new BundleException(bundle.getSymbolicName() + " " + bundle.getVersion()
                        + " is installed but cannot start: " + e.getMessage(), e);
            }
        }
    }

    /** Drops stale wirings to a removed or replaced bundle, and waits so that the next scan sees the result. */
    private void refresh(Bundle bundle) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(List.of(bundle), event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                done.countDown();
            }
        });
        done.await(30, TimeUnit.SECONDS);
    }
}
