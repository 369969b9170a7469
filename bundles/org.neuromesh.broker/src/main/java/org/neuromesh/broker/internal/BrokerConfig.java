package org.neuromesh.broker.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(id = BrokerConfig.PID, name = "NeuroMesh embedded MQTT broker",
        description = "An MQTT 3.1.1 broker inside the server, for peers on this machine. In mode auto it runs "
                + "while the MQTT transport (org.neuromesh.discovery.mqtt) names no broker host.")
public @interface BrokerConfig {

    String PID = "org.neuromesh.broker";

    @AttributeDefinition(name = "Mode", description = "auto: run while the MQTT transport names no broker host; "
            + "always: run; never: do not run.", options = {
                    @Option(label = "auto", value = "auto"),
                    @Option(label = "always", value = "always"),
                    @Option(label = "never", value = "never") })
    String mode() default "auto";

    @AttributeDefinition(name = "Host", description = "Address to listen on. Without a password file only "
            + "loopback addresses (127.0.0.1, ::1) are allowed: anonymous clients are let in.")
    String host() default "127.0.0.1";

    @AttributeDefinition(name = "Port", description = "TCP port for MQTT (0 picks a free port, see the log).",
            min = "0", max = "65535")
    int port() default 1883;

    @AttributeDefinition(name = "Data directory", description = "Where sessions, subscriptions, retained and "
            + "queued messages are kept. ${neuromesh.home} is the system property neuromesh.home, by default "
            + "${user.home}/.neuromesh; relative paths are taken in ${neuromesh.home}.")
    String dataDirectory() default "${neuromesh.home}/broker";

    @AttributeDefinition(name = "Password file", description = "Optional. One line per user, as 'neuromesh:passwd USER "
            + "PASSWORD' prints it (a salted PBKDF2 hash); when set, every client must log in and the host may be any "
            + "address of this machine.")
    String passwordFile() default "";
}
