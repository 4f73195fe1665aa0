package dev.agenttraces.traces.web;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.Serializable;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Everything the plugin puts into an HTTP session can be serialized, so sessions replicate between clustered
 * servers (README, "More than one server"): view- and session-scoped beans are Serializable; an injected field
 * is a normal-scoped bean's client proxy (which serializes as a reference; so does a field typed by an interface
 * such a bean implements or of the bean's own class, e.g. a repository a record carries), never transient (CDI does not inject again into a
 * deserialized bean, so the field would be null on the other server); every other field, and
 * the fields of the plugin's own classes it holds (records, lazy models), recursively, has a serializable type:
 * collections through their interfaces, whose elements must be serializable too, and no {@code Optional}. A
 * failure names the field path, as the server's "Cannot serialize session attribute" warning would not.
 */
class SessionStateTest {

    private static final List<Class<? extends Annotation>> NORMAL_SCOPES =
            List.of(ApplicationScoped.class, RequestScoped.class, SessionScoped.class, ViewScoped.class);
    /** Interfaces a normal-scoped bean implements: a field of such a type holds its client proxy. */
    private static Set<Class<?>> proxied = Set.of();

    @Test
    void everythingASessionHoldsSerializes() {
        List<String> problems = new ArrayList<>();
        List<Class<?>> main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.agenttraces.traces").stream().map(JavaClass::reflect).toList();
        proxied = main.stream().filter(SessionStateTest::normalScoped).flatMap(c -> Arrays.stream(c.getInterfaces()))
                .collect(Collectors.toSet());
        List<Class<?>> beans = main.stream()
                .filter(c -> c.isAnnotationPresent(ViewScoped.class) || c.isAnnotationPresent(SessionScoped.class)).toList();
        assertThat(beans).as("view- and session-scoped beans found").hasSizeGreaterThan(10);
        Set<Class<?>> seen = new HashSet<>();
        for (Class<?> bean : beans) {
            if (!Serializable.class.isAssignableFrom(bean)) {
                problems.add(bean.getName() + " is not Serializable");
            }
            fields(bean, bean.getSimpleName(), seen, problems);
        }
        assertThat(problems).isEmpty();
    }

    private static void fields(Class<?> type, String path, Set<Class<?>> seen, List<String> problems) {
        if (!seen.add(type)) {
            return;
        }
        for (Class<?> c = type; c != null && c.getName().startsWith("dev.agenttraces"); c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                int m = f.getModifiers();
                String at = path + "." + f.getName();
                boolean proxy = normalScoped(f.getType()) || proxied.contains(f.getType());
                if (f.isAnnotationPresent(Inject.class) && Modifier.isTransient(m) && proxy) {
                    problems.add(at + ": a transient injected proxy is null once the session moved to another server");
                }
                if (Modifier.isStatic(m) || Modifier.isTransient(m) || f.isSynthetic()) {
                    continue;
                }
                if (f.isAnnotationPresent(Inject.class)) {
                    if (!proxy) {
                        problems.add(at + ": injected " + f.getType().getSimpleName() + " is no normal-scoped bean's proxy");
                    }
                } else {
                    check(f.getGenericType(), at, seen, problems);
                }
            }
        }
    }

    private static void check(Type type, String path, Set<Class<?>> seen, List<String> problems) {
        if (type instanceof ParameterizedType p) {
            check(p.getRawType(), path, seen, problems);
            for (Type argument : p.getActualTypeArguments()) {
                check(argument, path + "<>", seen, problems);
            }
        } else if (type instanceof WildcardType w) {
            for (Type bound : w.getUpperBounds()) {
                check(bound, path, seen, problems);
            }
        } else if (type instanceof Class<?> c) {
            if (normalScoped(c)) {
                return; // a normal-scoped bean held by a record (the view's TraceSteps) is its client proxy
            }
            if (c.isArray()) {
                check(c.getComponentType(), path + "[]", seen, problems);
            } else if (!c.isPrimitive() && !Serializable.class.isAssignableFrom(c) && !serializableInterface(c)
                    && !proxied.contains(c)) {
                problems.add(path + ": " + c.getName() + " is not Serializable");
            } else if (c.getName().startsWith("dev.agenttraces")) {
                fields(c, path, seen, problems);
            }
        }
    }

    private static boolean normalScoped(Class<?> c) {
        return NORMAL_SCOPES.stream().anyMatch(c::isAnnotationPresent);
    }

    /** The collection interfaces whose JDK implementations serialize (their elements are checked apart). */
    private static boolean serializableInterface(Class<?> c) {
        return c == List.class || c == Set.class || c == Map.class || c == Collection.class;
    }
}
