package org.neuromesh.server.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;
import java.util.Optional;

import org.neuromesh.server.ConfigFolder;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/** {@link ConfigFolder.Configurations} on Config Admin, described by the Metatype service. */
final class MetatypeConfigurations implements ConfigFolder.Configurations {

    private final BundleContext context;
    private final ConfigurationAdmin configurationAdmin;
    private final MetaTypeService metaType;

    MetatypeConfigurations(BundleContext context, ConfigurationAdmin configurationAdmin, MetaTypeService metaType) {
        this.context = context;
        this.configurationAdmin = configurationAdmin;
        this.metaType = metaType;
    }

    @Override
    public Optional<Map<String, ConfigFolder.Attribute>> describe(String pid) {
        for (Bundle bundle : context.getBundles()) {
            MetaTypeInformation information = metaType.getMetaTypeInformation(bundle);
            if (information != null && Arrays.asList(information.getPids()).contains(pid)) {
                ObjectClassDefinition definition = information.getObjectClassDefinition(pid, null);
                Map<String, ConfigFolder.Attribute> attributes = new HashMap<>();
                for (AttributeDefinition attribute : definition.getAttributeDefinitions(ObjectClassDefinition.ALL)) {
                    attributes.put(attribute.getID(), new ConfigFolder.Attribute(attribute.getID(),
                            javaType(attribute.getType()), attribute::validate));
                }
                return Optional.of(attributes);
            }
        }
        return Optional.empty();
    }

    @Override
    public void update(String pid, Map<String, Object> properties) throws IOException {
        Configuration configuration = configurationAdmin.getConfiguration(pid, "?");
        Dictionary<String, Object> dictionary = new Hashtable<>(properties);
        configuration.updateIfDifferent(dictionary);
    }

    @Override
    public void delete(String pid) throws IOException {
        Configuration[] existing;
        try {
            existing = configurationAdmin.listConfigurations("(service.pid=" + pid + ")");
        } catch (InvalidSyntaxException e) {
            throw new IOException("'" + pid + "' is not a valid configuration PID", e);
        }
        if (existing != null) {
            for (Configuration configuration : existing) {
                configuration.delete();
            }
        }
    }

    private static Class<?> javaType(int metatypeType) {
        switch (metatypeType) {
        case AttributeDefinition.DOUBLE:
            return Double.class;
        case AttributeDefinition.FLOAT:
            return Float.class;
        case AttributeDefinition.INTEGER:
            return Integer.class;
        case AttributeDefinition.LONG:
            return Long.class;
        case AttributeDefinition.BOOLEAN:
            return Boolean.class;
        default:
            return String.class;
        }
    }
}
