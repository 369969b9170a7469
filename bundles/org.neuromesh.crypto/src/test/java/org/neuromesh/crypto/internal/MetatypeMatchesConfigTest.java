package org.neuromesh.crypto.internal;

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
    void everyConfigAttributeIsDescribedWithItsDefaultAndType() throws Exception {
        // given the metatype document shipped in the bundle
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(Path.of("OSGI-INF/metatype/org.neuromesh.crypto.xml").toFile());
        // when its attribute ids, types and defaults are read
        Map<String, String> described = new TreeMap<>();
        NodeList ads = document.getElementsByTagName("AD");
        for (int i = 0; i < ads.getLength(); i++) {
            Element ad = (Element) ads.item(i);
            described.put(ad.getAttribute("id"), ad.getAttribute("type") + "=" + ad.getAttribute("default"));
        }
        // then they are exactly the configuration type's methods, types and defaults
        Map<String, String> declared = new TreeMap<>();
        for (Method m : PeerSecurityConfig.class.getDeclaredMethods()) {
            declared.put(m.getName(), metatypeType(m.getReturnType()) + "=" + m.getDefaultValue());
        }
        assertEquals(declared, described);
        Element ocd = (Element) document.getElementsByTagName("OCD").item(0);
        assertEquals(PeerSecurityConfig.PID, ocd.getAttribute("id"));
    }

    private static String metatypeType(Class<?> type) {
        if (type == long.class) {
            return "Long";
        } else if (type == int.class) {
            return "Integer";
        }
        return type.getSimpleName();
    }
}
