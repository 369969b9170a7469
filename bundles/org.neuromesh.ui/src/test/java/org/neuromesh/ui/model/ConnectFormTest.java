package org.neuromesh.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.neuromesh.api.network.BrokerAddress;
import org.neuromesh.api.peer.TransportState;

/** The broker connection dialog's fields, checks and texts, without any widget. */
class ConnectFormTest {

    @Test
    void givenCompleteFields_thenTheFormMakesTheAddressAndHasNoProblem() {
        ConnectForm form = new ConnectForm(" broker.example.org ", "8883", true, " alice ");

        assertEquals(List.of(), form.problems(true));
        assertEquals(Optional.of(new BrokerAddress("broker.example.org", 8883, true, "alice")), form.address());
        assertEquals("ssl://broker.example.org:8883", form.address().orElseThrow().uri());
        assertEquals("Connecting to ssl://broker.example.org:8883 ...", form.connecting());
    }

    @Test
    void givenABlankHostABadPortAndAPasswordWithoutUser_thenEachProblemNamesItsField() {
        ConnectForm form = new ConnectForm(" ", "70000", false, "");

        assertEquals(List.of("Host: enter the broker's host name or IP address.",
                "Port: '70000' is not a TCP port (1-65535).", "User: a password needs a user name."),
                form.problems(true));
        assertEquals(Optional.empty(), form.address());
    }

    @Test
    void givenNoPassword_thenNoUserIsNeeded_andPortsOutsideTheRangeOrNotNumbersAreRefused() {
        assertEquals(List.of(), new ConnectForm("127.0.0.1", "1", false, "").problems(false));
        assertEquals(List.of(), new ConnectForm("::1", "65535", false, "").problems(false));
        assertEquals(List.of("Port: '0' is not a TCP port (1-65535)."),
                new ConnectForm("127.0.0.1", "0", false, "").problems(false));
        assertEquals(List.of("Port: 'abc' is not a TCP port (1-65535)."),
                new ConnectForm("127.0.0.1", "abc", false, "").problems(false));
        assertEquals(List.of("Host: 'a b' is not a host name or IP address."),
                new ConnectForm("a b", "1883", false, "").problems(false));
    }

    @Test
    void givenTheCommandsParameters_thenTheyOverrideTheDefaultsOneByOne() {
        ConnectForm defaults = ConnectForm.of(new BrokerAddress("", 1883, false, ""));
        assertEquals(new ConnectForm("127.0.0.1", "1883", false, ""), defaults, "the embedded broker by default");

        ConnectForm form = ConnectForm.of(Map.of(ConnectForm.PORT, "18830", ConnectForm.USER, "peer"), defaults);

        assertEquals(new ConnectForm("127.0.0.1", "18830", false, "peer"), form);
    }

    @Test
    void givenTheOutcome_thenItSaysConnectedOrWhyNot() {
        Instant now = Instant.now();
        assertEquals("Connected to tcp://127.0.0.1:1883.", ConnectForm.outcome(new TransportState(true,
                "tcp://127.0.0.1:1883", now, "", Duration.ZERO)));
        String refused = ConnectForm.outcome(new TransportState(false, "tcp://127.0.0.1:1883", now,
                "the broker refused the login of user 'peer'", Duration.ZERO));
        assertEquals("Not connected to tcp://127.0.0.1:1883: the broker refused the login of user 'peer'", refused);
        assertTrue(ConnectForm.outcome(new TransportState(false, "tcp://h:1", now, "", Duration.ZERO))
                .endsWith(": no answer"));
    }
}
