package org.neuromesh.broker.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The metatype XML is written by hand; this keeps it equal to the configuration type the component reads (the
 * metatype annotations are not kept at run time, so ids, types and defaults are compared, and the mode options
 * with the modes the component knows).
 */
class MetatypeMatchesConfigTest {

    @Test
    void givenTheShippedMetatypeThenEveryAttributeHasTheConfigTypesIdTypeAndDefault() throws Exception {
        // given the metatype document shipped in the bundle
        Document document = metatype();
        // when its attributes are read
        Map<String, String> described = new TreeMap<>();
        NodeList ads = document.getElementsByTagName("AD");
        for (int i = 0; i < ads.getLength(); i++) {
            Element ad = (Element) ads.item(i);
            described.put(ad.getAttribute("id"), ad.getAttribute("type") + " " + ad.getAttribute("default"));
        }
        // then they are exactly the configuration type's methods, types and defaults
        Map<String, String> declared = new TreeMap<>();
        for (Method m : BrokerConfig.class.getDeclaredMethods()) {
            String type = m.getReturnType() == int.class ? "Integer" : "String";
            declared.put(m.getName(), type + " " + m.getDefaultValue());
        }
        assertEquals(declared, described);
        Element ocd = (Element) document.getElementsByTagName("OCD").item(0);
        assertEquals(BrokerConfig.PID, ocd.getAttribute("id"));
        assertEquals(BrokerConfig.PID, ((Element) document.getElementsByTagName("Designate").item(0))
                .getAttribute("pid"));
    }

    @Test
    void givenTheShippedMetatypeThenTheModeOptionsAreTheModesTheComponentKnows() throws Exception {
        List<String> options = new ArrayList<>();
        NodeList nodes = metatype().getElementsByTagName("Option");
        for (int i = 0; i < nodes.getLength(); i++) {
            options.add(((Element) nodes.item(i)).getAttribute("value"));
        }
        assertEquals(Arrays.stream(BrokerMode.values()).map(BrokerMode::toString).toList(), options);
    }

    private static Document metatype() throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(Path.of("OSGI-INF/metatype/" + BrokerConfig.PID + ".xml").toFile());
    }
}
