package org.neuromesh.broker.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;

/** Just enough of Config Admin and DS for the component, without a framework. */
final class Fakes {

    private Fakes() {
    }

    /** A configuration type instance: the given values, the declared defaults for the rest (as DS does). */
    static <A extends Annotation> A config(Class<A> type, Map<String, Object> values) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type },
                (proxy, method, args) -> switch (method.getName()) {
                case "annotationType" -> type;
                case "toString" -> type.getSimpleName() + values;
                case "hashCode" -> values.hashCode();
                case "equals" -> proxy == args[0];
                default -> values.getOrDefault(method.getName(), method.getDefaultValue());
                }));
    }

    /** Config Admin holding configurations by PID; only listConfigurations by service.pid is supported. */
    static final class ConfigAdmin {

        private final Map<String, Dictionary<String, Object>> stored = new ConcurrentHashMap<>();

        void put(String pid, Map<String, Object> properties) {
            stored.put(pid, new Hashtable<>(properties));
        }

        void delete(String pid) {
            stored.remove(pid);
        }

        ConfigurationAdmin service() {
            return proxy(ConfigurationAdmin.class, (method, args) -> {
                if (!method.equals("listConfigurations")) {
                    throw new UnsupportedOperationException(method);
                }
                String filter = (String) args[0];
                String pid = filter.substring("(service.pid=".length(), filter.length() - 1);
                Dictionary<String, Object> properties = stored.get(pid);
                return properties == null ? null : new Configuration[] { configuration(pid, properties) };
            });
        }

        /** What Config Admin tells its listeners after a change of {@code pid}. */
        ConfigurationEvent changed(String pid) {
            @SuppressWarnings("unchecked")
            ServiceReference<ConfigurationAdmin> reference = proxy(ServiceReference.class, (method, args) -> null);
            return new ConfigurationEvent(reference,
                    stored.containsKey(pid) ? ConfigurationEvent.CM_UPDATED : ConfigurationEvent.CM_DELETED, null, pid);
        }

        private static Configuration configuration(String pid, Dictionary<String, Object> properties) {
            return proxy(Configuration.class, (method, args) -> switch (method) {
            case "getPid" -> pid;
            case "getProperties" -> properties;
            default -> throw new UnsupportedOperationException(method);
            });
        }
    }

    private interface Answer {
        Object answer(String method, Object[] args);
    }

    private static <T> T proxy(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(Fakes.class.getClassLoader(), new Class<?>[] { type },
                (proxy, method, args) -> switch (method.getName()) {
                case "toString" -> "fake " + type.getSimpleName();
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> answer.answer(method.getName(), args);
                }));
    }
}
