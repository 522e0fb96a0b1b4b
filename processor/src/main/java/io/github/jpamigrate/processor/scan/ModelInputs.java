package io.github.jpamigrate.processor.scan;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
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
 * compile needs to know: a class outside it cannot change the model. {@link MappingSignature} tells
 * whether a class inside it changed.
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
