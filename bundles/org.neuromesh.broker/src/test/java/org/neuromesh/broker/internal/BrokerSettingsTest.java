package org.neuromesh.broker.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class BrokerSettingsTest {

    private static BrokerSettings settings(Map<String, Object> config, Map<String, String> properties) {
        return BrokerSettings.of(Fakes.config(BrokerConfig.class, config), properties::get);
    }

    @Test
    void givenNoNeuromeshHomeThenTheDataLivesInDotNeuromeshOfTheUsersHome() {
        BrokerSettings settings = settings(Map.of(), Map.of("user.home", "/home/ada"));
        assertEquals(Path.of("/home/ada/.neuromesh/broker"), settings.dataDirectory());
        assertEquals("127.0.0.1", settings.host());
        assertEquals(1883, settings.port());
        assertNull(settings.passwordFile());
    }

    @Test
    void givenNeuromeshHomeThenTheDataLivesThere() {
        BrokerSettings settings = settings(Map.of(), Map.of("user.home", "/home/ada", "neuromesh.home", "/srv/nm"));
        assertEquals(Path.of("/srv/nm/broker"), settings.dataDirectory());
    }

    @Test
    void givenARelativeDataDirectoryOrPasswordFileThenTheyAreTakenInNeuromeshHome() {
        BrokerSettings settings = settings(Map.of("dataDirectory", "mqtt-data", "passwordFile", "${user.home}/pw"),
                Map.of("user.home", "/home/ada", "neuromesh.home", "/srv/nm"));
        assertEquals(Path.of("/srv/nm/mqtt-data"), settings.dataDirectory());
        assertEquals(Path.of("/home/ada/pw"), settings.passwordFile());
    }

    @Test
    void givenAPlaceholderNoPropertyDefinesThenTheErrorNamesIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> settings(Map.of("dataDirectory", "${nowhere}/broker"), Map.of("user.home", "/home/ada")));
        assertTrue(e.getMessage().contains("${nowhere}"), e.getMessage());
    }

    @Test
    void givenTheModesThenOnlyAutoDependsOnTheTransport() {
        assertTrue(BrokerMode.parse("auto").wantsBroker(false));
        assertEquals(false, BrokerMode.parse("AUTO").wantsBroker(true));
        assertTrue(BrokerMode.parse("always").wantsBroker(true));
        assertEquals(false, BrokerMode.parse(" never ").wantsBroker(false));
        assertThrows(IllegalArgumentException.class, () -> BrokerMode.parse("sometimes"));
    }
}
