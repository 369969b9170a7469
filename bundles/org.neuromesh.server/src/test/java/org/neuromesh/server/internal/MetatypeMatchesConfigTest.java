package org.neuromesh.server.internal;

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
    void everyConfigAttributeIsDescribedWithItsDefault() throws Exception {
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(Path.of("OSGI-INF/metatype/" + PluginFolderConfig.PID + ".xml").toFile());
        Map<String, String> described = new TreeMap<>();
        NodeList ads = document.getElementsByTagName("AD");
        for (int i = 0; i < ads.getLength(); i++) {
            Element ad = (Element) ads.item(i);
            described.put(ad.getAttribute("id"), ad.getAttribute("default"));
        }
        Map<String, String> declared = new TreeMap<>();
        for (Method m : PluginFolderConfig.class.getDeclaredMethods()) {
            declared.put(m.getName(), String.valueOf(m.getDefaultValue()));
        }
        assertEquals(declared, described);
    }
}
