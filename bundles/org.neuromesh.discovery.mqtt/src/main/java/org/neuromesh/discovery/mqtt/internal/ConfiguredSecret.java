package org.neuromesh.discovery.mqtt.internal;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import org.neuromesh.crypto.OwnerOnlyFiles;

/**
 * A secret as the transport's configuration gives it when none was handed over: read from the owner-only file a
 * {@code ...File} setting names, else the plain value of the dotted setting (which Config Admin keeps in a plain
 * file, so the file setting is the one to use).
 */
final class ConfiguredSecret {

    private ConfiguredSecret() {
    }

    /**
     * @param file    the path the file setting holds, blank for none
     * @param setting the file setting's name, for the message
     * @param plain   the value of the plain setting, used when {@code file} is blank
     * @throws IOException starting with {@code setting} if the file is missing, open to others or not a password
     */
    static char[] read(String file, String setting, String plain) throws IOException {
        if (file == null || file.isBlank()) {
            return plain.toCharArray();
        }
        try {
            return OwnerOnlyFiles.readSecret(Path.of(file.strip()), "password file");
        } catch (InvalidPathException | IOException e) {
            throw new IOException(setting + ": " + e.getMessage(), e);
        }
    }
}
