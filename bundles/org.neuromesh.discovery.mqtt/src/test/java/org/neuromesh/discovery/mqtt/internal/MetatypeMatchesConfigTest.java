package org.neuromesh.discovery.mqtt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The metatype XML is written by hand; this keeps it equal to the configuration type the component reads. */
class MetatypeMatchesConfigTest {

    @Test
    void everyConfigAttributeIsDescribedWithItsDefaultAndPasswordsAreMarked() throws Exception {
        // given the metatype document shipped in the bundle
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(Path.of("OSGI-INF/metatype/org.neuromesh.discovery.mqtt.xml").toFile());
        // when its attribute ids, defaults and types are read
        Map<String, String> described = new TreeMap<>();
        Map<String, String> types = new TreeMap<>();
        NodeList ads = document.getElementsByTagName("AD");
        for (int i = 0; i < ads.getLength(); i++) {
            Element ad = (Element) ads.item(i);
            described.put(ad.getAttribute("id"), ad.getAttribute("default"));
            types.put(ad.getAttribute("id"), ad.getAttribute("type"));
        }
        // then they are exactly the configuration type's (DS-mapped) names and defaults
        Map<String, String> declared = new TreeMap<>();
        for (Method m : MqttTransportConfig.class.getDeclaredMethods()) {
            // DS maps a leading '_' to '.': such properties stay out of the service properties
            String key = m.getName().startsWith("_") ? "." + m.getName().substring(1) : m.getName();
            declared.put(key, String.valueOf(m.getDefaultValue()));
        }
        assertEquals(declared, described);
        assertEquals("Password", types.get(".password"));
        assertEquals("Password", types.get(".clientKeyStorePassword"));
        Element ocd = (Element) document.getElementsByTagName("OCD").item(0);
        assertEquals(MqttTransportConfig.PID, ocd.getAttribute("id"));
    }
}
