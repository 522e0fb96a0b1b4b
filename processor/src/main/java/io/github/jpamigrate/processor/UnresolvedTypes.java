package io.github.jpamigrate.processor;

import io.github.jpamigrate.processor.jpa.Jpa;
import io.github.jpamigrate.processor.jpa.Namespace;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Whether the entities still refer to a type javac cannot resolve yet — one another processor
 * generates in this round, for the next. Before the last round, a model read from such entities
 * would silently lack what that type maps, so the schema check class waits for a later round.
 * Walks the entities and the types of their members, and follows superclasses and member types
 * that are entities, embeddables or mapped superclasses into their own members.
 */
final class UnresolvedTypes {

    private final Set<TypeElement> visited = new HashSet<>();

    static boolean anyIn(List<TypeElement> entities) {
        UnresolvedTypes walk = new UnresolvedTypes();
        return entities.stream().anyMatch(walk::inType);
    }

    private boolean inType(TypeElement type) {
        if (!visited.add(type)) {
            return false;
        }
        if (inAnnotations(type) || isUnresolved(type.getSuperclass())) {
            return true;
        }
        for (Element member : type.getEnclosedElements()) {
            if (member instanceof VariableElement field && (isUnresolved(field.asType()) || inAnnotations(field))) {
                return true;
            }
            if (member instanceof ExecutableElement method
                    && (isUnresolved(method.getReturnType()) || inAnnotations(method))) {
                return true;
            }
        }
        return false;
    }

    private boolean isUnresolved(TypeMirror type) {
        if (type == null) {
            return false;
        }
        if (type.getKind() == TypeKind.ERROR) {
            return true;
        }
        if (type instanceof ArrayType array) {
            return isUnresolved(array.getComponentType());
        }
        if (type instanceof DeclaredType declared) {
            for (TypeMirror argument : declared.getTypeArguments()) {
                if (isUnresolved(argument)) {
                    return true;
                }
            }
            return declared.asElement() instanceof TypeElement element && isMapped(element) && inType(element);
        }
        return false;
    }

    /** Entities, embeddables and mapped superclasses: the types whose members map columns. */
    private static boolean isMapped(TypeElement type) {
        for (AnnotationMirror annotation : type.getAnnotationMirrors()) {
            String name = Namespace.simpleJpaName(
                    ((TypeElement) annotation.getAnnotationType().asElement()).getQualifiedName().toString());
            if (Jpa.ENTITY.equals(name) || Jpa.EMBEDDABLE.equals(name) || Jpa.MAPPED_SUPERCLASS.equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** Class literals in annotation members ({@code @Convert(converter = X.class)}). */
    private boolean inAnnotations(Element element) {
        for (AnnotationMirror annotation : element.getAnnotationMirrors()) {
            for (AnnotationValue value : annotation.getElementValues().values()) {
                if (value.getValue() instanceof TypeMirror type && type.getKind() == TypeKind.ERROR) {
                    return true;
                }
            }
        }
        return false;
    }
}
