package org.neuromesh.product.tests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * An Xvfb X server on a free display number (Xvfb picks it and tells it through {@code -displayfd}), for
 * starting the workbench without a screen and taking screenshots of it.
 */
final class VirtualDisplay implements AutoCloseable {

    private final Process xvfb;
    private final String name;

    private VirtualDisplay(Process xvfb, String name) {
        this.xvfb = xvfb;
        this.name = name;
    }

    /** Starts Xvfb with one screen of the given size; fails with a hint when Xvfb is not installed. */
    static VirtualDisplay start(int width, int height) throws Exception {
        Process process;
        try {
            process = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", width + "x" + height + "x24",
                    "-nolisten", "tcp").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IllegalStateException("Xvfb is needed to run the workbench product (apt-get install xvfb)", e);
        }
        BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
        CompletableFuture<String> number = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        });
        String display = number.get(30, TimeUnit.SECONDS);
        if (display == null || !display.strip().matches("\\d+")) {
            process.destroyForcibly();
            throw new IllegalStateException("Xvfb did not report a display number (got " + display + ")");
        }
        return new VirtualDisplay(process, ":" + display.strip());
    }

    /** The value for {@code DISPLAY}, e.g. {@code :1}. */
    String name() {
        return name;
    }

    /** Saves the whole screen as PNG with ImageMagick's {@code import}. */
    void screenshot(Path png) throws Exception {
        Process importer = new ProcessBuilder(List.of("import", "-display", name, "-window", "root", png.toString()))
                .redirectErrorStream(true).start();
        String output = new String(importer.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!importer.waitFor(30, TimeUnit.SECONDS) || importer.exitValue() != 0) {
            throw new IllegalStateException("Screenshot failed (is imagemagick installed?): " + output);
        }
    }

    @Override
    public void close() throws InterruptedException {
        xvfb.destroy();
        if (!xvfb.waitFor(10, TimeUnit.SECONDS)) {
            xvfb.destroyForcibly();
        }
    }
}
