package org.neuromesh.broker.internal;

import org.neuromesh.broker.PasswordFile;
import org.osgi.service.component.annotations.Component;

/**
 * {@code neuromesh:passwd USER PASSWORD}: prints the line of the embedded broker's password file for a user, with a
 * fresh salt, to add to the file {@code passwordFile} names.
 */
@Component(service = PasswdCommand.class, property = {
        "osgi.command.scope=neuromesh",
        "osgi.command.function=passwd" })
public class PasswdCommand {

    public void passwd(String user, String password) {
        System.out.println(PasswordFile.entry(user, password.toCharArray()));
    }
}
