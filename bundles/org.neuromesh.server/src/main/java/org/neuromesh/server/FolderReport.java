package org.neuromesh.server;

/** Where a watched folder tells what it did; messages are meant for the user. */
public interface FolderReport {

    void info(String message);

    void problem(String message);
}
