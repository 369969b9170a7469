package org.neuromesh.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The settings of a peer action, as a test's command parameter or a dialog's fields give them. */
class ActionArgumentsTest {

    @Test
    void givenKeyValueWords_whenParsed_thenEachSettingIsReadWithItsType() {
        ActionArguments a = ActionArguments.parse("peer=server-peer classes=5,6,7 nodes=32 value=-0.25 go=yes");
        assertEquals(Set.of("server-peer"), a.words("peer"));
        assertEquals(List.of(5, 6, 7), a.integers("classes", List.of(), 0, 9));
        assertEquals(32, a.integer("nodes", 64, 1, 100));
        assertEquals(-0.25, a.number("value", 0, -1, 1));
        assertTrue(a.flag("go", false));
        // and what is not given takes its default
        assertEquals(100, a.integer("credits", 100, 0, 1000));
        assertFalse(a.flag("participate", false));
    }

    @Test
    void givenATextAtTheEnd_whenParsed_thenItKeepsItsSpaces() {
        ActionArguments a = ActionArguments.parse("peer=a,b text=hello from the workbench");
        assertEquals("hello from the workbench", a.text("text", ""));
        assertEquals(Set.of("a", "b"), a.words("peer"));
    }

    @Test
    void givenValuesOutOfRangeOrMalformed_thenTheMessageNamesTheSettingAndTheRange() {
        ActionArguments a = ActionArguments.of(Map.of("nodes", "0", "urgency", "2", "classes", "5,x",
                "participate", "maybe"));
        assertEquals("nodes must be from 1 to 65536, not 0", assertThrows(IllegalArgumentException.class,
                () -> a.integer("nodes", 32, 1, 65_536)).getMessage());
        assertEquals("urgency must be from 0.0 to 1.0, not 2.0", assertThrows(IllegalArgumentException.class,
                () -> a.number("urgency", 0.5, 0, 1)).getMessage());
        assertEquals("classes must be whole numbers separated by commas, not '5,x'", assertThrows(
                IllegalArgumentException.class, () -> a.integers("classes", List.of(), 0, 9)).getMessage());
        assertEquals("participate must be true or false, not 'maybe'", assertThrows(IllegalArgumentException.class,
                () -> a.flag("participate", true)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ActionArguments.parse("server-peer nodes=3"));
    }
}
