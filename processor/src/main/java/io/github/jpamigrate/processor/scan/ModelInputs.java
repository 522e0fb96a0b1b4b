package io.github.jpamigrate.processor.scan;

import io.github.jpamigrate.processor.jpa.Jpa;
import io.github.jpamigrate.processor.jpa.MappingAnnotations;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.IntersectionType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;

/**
 * Every class of the project a scan of the given entities can read: the entities, their superclasses
 * and interfaces, the types of their fields and methods (return and parameter types, type arguments,
 * bounds), the annotation types on them and the classes and enum constants in annotation values, and,
 * transitively, the same of each of those types. Types of the JDK, of Jakarta/Java Persistence and of
 * Hibernate are left out: a compilation does not change them. The set over-approximates
 * what the scan reads (it follows every member, not only mapped ones), which is what an incremental
 * compile needs to know: a changed class outside it cannot change the model.
 */
public final class ModelInputs {

    private static final List<String> NOT_WALKED = List.of("java.", "javax.", "jakarta.", "jdk.", "sun.", "com.sun.",
            "org.hibernate.");

    private final Set<TypeElement> visited = new HashSet<>();
    private final Map<String, TypeElement> walked = new TreeMap<>();

    private ModelInputs() {
    }

    /**
     * The classes of the project reachable from the entities (the entities included), by qualified name;
     * library classes (JDK, Jakarta, Hibernate) are left out: a compilation does not change them.
     */
    public static Map<String, TypeElement> of(Collection<TypeElement> entities) {
        ModelInputs walk = new ModelInputs();
        entities.forEach(walk::type);
        return walk.walked;
    }

    /**
     * A hash of what a scan can read of the class itself (not of its nested classes): its kind,
     * modifiers, annotations, superclass, interfaces and type parameters; every field (enum constants
     * included) with its modifiers, type, annotations and constant value; and the methods, with their
     * modifiers, types and annotations, that can be a property or carry an annotation (in an annotation
     * type, an interface or a converter: every method). Method bodies, and methods of an entity,
     * embeddable or mapped superclass that are neither getters nor annotated, are not part of it: an
     * edit of those leaves the model as it was.
     */
    public static String signature(TypeElement type, MappingAnnotations mapping) {
        StringBuilder text = new StringBuilder();
        text.append(type.getKind()).append(' ').append(type.getModifiers()).append(' ').append(type.getQualifiedName())
                .append(type.getTypeParameters().stream().map(p -> p.getSimpleName() + ":" + p.getBounds()).toList())
                .append(" extends ").append(type.getSuperclass()).append(" implements ").append(type.getInterfaces())
                .append(' ').append(type.getAnnotationMirrors()).append('\n');
        boolean mapped = mapping.hasJpa(type, Jpa.ENTITY) || mapping.hasJpa(type, Jpa.EMBEDDABLE)
                || mapping.hasJpa(type, Jpa.MAPPED_SUPERCLASS);
        for (Element member : type.getEnclosedElements()) {
            if (member instanceof VariableElement field) {
                text.append(field.getKind()).append(' ').append(field.getModifiers()).append(' ')
                        .append(field.getAnnotationMirrors()).append(' ').append(field.asType()).append(' ')
                        .append(field.getSimpleName()).append(" = ").append(field.getConstantValue()).append('\n');
            } else if (member instanceof ExecutableElement method && (!mapped || member.getKind() == ElementKind.METHOD
                    && (AttributeReader.propertyName(method) != null || hasAnnotations(method)))) {
                text.append(method.getKind()).append(' ').append(method.getModifiers()).append(' ')
                        .append(method.getAnnotationMirrors()).append(' ').append(method.getTypeParameters()).append(' ')
                        .append(method.getReturnType()).append(' ').append(method.getSimpleName()).append('(');
                for (VariableElement parameter : method.getParameters()) {
                    text.append(parameter.getAnnotationMirrors()).append(' ').append(parameter.asType()).append(',');
                }
                text.append(") default ").append(method.getDefaultValue()).append('\n');
            }
        }
        // FNV-1a, 64 bits: it tells an edited class from its earlier self, no adversary involved; a digest
        // per class cost a full compile of 1,000 entities more than the rest of this walk
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            hash = (hash ^ text.charAt(i)) * 0x100000001b3L;
        }
        return Long.toHexString(hash) + "-" + Integer.toHexString(text.length());
    }

    private static boolean hasAnnotations(ExecutableElement method) {
        return !method.getAnnotationMirrors().isEmpty()
                || method.getParameters().stream().anyMatch(p -> !p.getAnnotationMirrors().isEmpty());
    }

    private void type(TypeElement type) {
        if (!visited.add(type)) {
            return;
        }
        String name = type.getQualifiedName().toString();
        if (NOT_WALKED.stream().anyMatch(name::startsWith)) {
            return;
        }
        walked.put(name, type);
        annotations(type);
        mirror(type.getSuperclass());
        type.getInterfaces().forEach(this::mirror);
        type.getTypeParameters().forEach(p -> p.getBounds().forEach(this::mirror));
        for (Element member : type.getEnclosedElements()) {
            if (member instanceof VariableElement field) {
                annotations(field);
                mirror(field.asType());
            } else if (member instanceof ExecutableElement method) {
                annotations(method);
                mirror(method.getReturnType());
                for (VariableElement parameter : method.getParameters()) {
                    annotations(parameter);
                    mirror(parameter.asType());
                }
                method.getTypeParameters().forEach(p -> p.getBounds().forEach(this::mirror));
            } else if (member instanceof TypeElement nested) {
                // a nested type is part of its outer class's source: an edit of either recompiles both
                type(nested);
            }
        }
    }

    private void annotations(Element element) {
        for (AnnotationMirror annotation : element.getAnnotationMirrors()) {
            annotation(annotation);
        }
    }

    private void annotation(AnnotationMirror annotation) {
        mirror(annotation.getAnnotationType());
        annotation.getElementValues().values().forEach(this::value);
    }

    private void value(AnnotationValue value) {
        Object v = value.getValue();
        if (v instanceof TypeMirror type) {
            mirror(type);
        } else if (v instanceof VariableElement constant && constant.getEnclosingElement() instanceof TypeElement en) {
            type(en);
        } else if (v instanceof AnnotationMirror nested) {
            annotation(nested);
        } else if (v instanceof List<?> list) {
            list.forEach(item -> value((AnnotationValue) item));
        }
    }

    private void mirror(TypeMirror type) {
        // type-use annotations (Bean Validation on a type argument, for example)
        type.getAnnotationMirrors().forEach(this::annotation);
        if (type instanceof DeclaredType declared) {
            declared.getTypeArguments().forEach(this::mirror);
            if (declared.getEnclosingType() instanceof DeclaredType outer) {
                mirror(outer);
            }
            if (declared.asElement() instanceof TypeElement element) {
                type(element);
            }
        } else if (type instanceof ArrayType array) {
            mirror(array.getComponentType());
        } else if (type instanceof WildcardType wildcard) {
            if (wildcard.getExtendsBound() != null) {
                mirror(wildcard.getExtendsBound());
            }
            if (wildcard.getSuperBound() != null) {
                mirror(wildcard.getSuperBound());
            }
        } else if (type instanceof TypeVariable variable) {
            // its bound belongs to the declaring type or method, walked there; no endless recursion on T extends X<T>
            if (variable.asElement().getEnclosingElement() instanceof TypeElement owner) {
                type(owner);
            }
        } else if (type instanceof IntersectionType intersection) {
            intersection.getBounds().forEach(this::mirror);
        }
    }
}
