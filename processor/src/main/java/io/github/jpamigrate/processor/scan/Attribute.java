package io.github.jpamigrate.processor.scan;

import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/**
 * One persistent attribute: a field (field access) or a getter (property access).
 *
 * @param name          attribute name ({@code firstName} for {@code getFirstName()})
 * @param element       the field or getter carrying the mapping annotations
 * @param type          its type as seen from the entity being mapped (type variables of a generic
 *                      {@code @MappedSuperclass} resolved)
 * @param declaringType the class that declares it
 */
public record Attribute(String name, Element element, TypeMirror type, TypeElement declaringType) {

    public boolean isPrimitive() {
        return type.getKind().isPrimitive();
    }

    /** {@code Declaring.attribute}, for messages. */
    public String describe() {
        return declaringType.getQualifiedName() + "." + name;
    }
}
