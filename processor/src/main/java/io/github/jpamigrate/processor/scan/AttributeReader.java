package io.github.jpamigrate.processor.scan;

import io.github.jpamigrate.processor.jpa.Jpa;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Lists the persistent attributes one class declares, in declaration order: fields or getters
 * depending on the access type, without {@code static}, {@code transient} and {@code @Transient}
 * members. Records are always read through their fields (their accessors are not getters).
 */
final class AttributeReader {

    private final ScanContext ctx;

    AttributeReader(ScanContext ctx) {
        this.ctx = ctx;
    }

    /**
     * @param type     the class whose own members are read
     * @param seenFrom the entity or embeddable type being mapped, to resolve inherited type variables
     * @param inherited access type of the hierarchy, used unless the class has its own {@code @Access}
     */
    List<Attribute> read(TypeElement type, DeclaredType seenFrom, AccessType inherited) {
        AccessType access = type.getKind() == ElementKind.RECORD ? AccessType.FIELD : explicitAccess(type, inherited);
        List<Attribute> main = access == AccessType.FIELD ? fields(type, seenFrom) : properties(type, seenFrom);
        List<Attribute> other = access == AccessType.FIELD ? properties(type, seenFrom) : fields(type, seenFrom);
        // a member annotated with the other access type is an attribute too, and replaces a namesake
        AccessType otherAccess = access == AccessType.FIELD ? AccessType.PROPERTY : AccessType.FIELD;
        List<Attribute> out = new ArrayList<>(main);
        for (Attribute a : other) {
            if (memberAccess(a.element()) == otherAccess) {
                out.removeIf(m -> m.name().equals(a.name()));
                out.add(a);
            }
        }
        return out;
    }

    private AccessType memberAccess(Element member) {
        return ctx.annotations().jpa(member, Jpa.ACCESS)
                .map(a -> "PROPERTY".equals(a.enumConstant("value")) ? AccessType.PROPERTY : AccessType.FIELD)
                .orElse(null);
    }

    /** The class's own {@code @Access}, else the inherited access type. */
    AccessType explicitAccess(TypeElement type, AccessType inherited) {
        return ctx.annotations().jpa(type, Jpa.ACCESS)
                .map(a -> "PROPERTY".equals(a.enumConstant("value")) ? AccessType.PROPERTY : AccessType.FIELD)
                .orElse(inherited);
    }

    private List<Attribute> fields(TypeElement type, DeclaredType seenFrom) {
        List<Attribute> out = new ArrayList<>();
        for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
            if (skipped(field)) {
                continue;
            }
            out.add(new Attribute(field.getSimpleName().toString(), field, memberType(field, seenFrom), type));
        }
        return out;
    }

    private List<Attribute> properties(TypeElement type, DeclaredType seenFrom) {
        List<Attribute> out = new ArrayList<>();
        for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
            String name = propertyName(method);
            if (name == null || skipped(method)) {
                continue;
            }
            out.add(new Attribute(name, method, memberType(method, seenFrom), type));
        }
        return out;
    }

    private boolean skipped(Element member) {
        return member.getModifiers().contains(Modifier.STATIC)
                || member.getModifiers().contains(Modifier.TRANSIENT)
                || ctx.annotations().hasJpa(member, Jpa.TRANSIENT)
                // Hibernate's @Parent: an embeddable's reference back to its owner, which has no column
                || ctx.annotations().qualified(member, Jpa.PARENT).isPresent();
    }

    /** The property a getter reads ({@code getFirstName -> firstName}, {@code isActive -> active}), else null. */
    static String propertyName(ExecutableElement method) {
        if (!method.getParameters().isEmpty() || method.getReturnType().getKind() == TypeKind.VOID) {
            return null;
        }
        String name = method.getSimpleName().toString();
        if (name.startsWith("get") && name.length() > 3) {
            return decapitalize(name.substring(3));
        }
        if (name.startsWith("is") && name.length() > 2 && isBoolean(method.getReturnType())) {
            return decapitalize(name.substring(2));
        }
        return null;
    }

    /** JavaBeans rule: {@code URL} stays {@code URL}, {@code Name} becomes {@code name}. */
    private static String decapitalize(String name) {
        if (name.length() > 1 && Character.isUpperCase(name.charAt(0)) && Character.isUpperCase(name.charAt(1))) {
            return name;
        }
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static boolean isBoolean(TypeMirror type) {
        // by element, not text: a type-use constraint shows in the text ("@NotNull java.lang.Boolean")
        return type.getKind() == TypeKind.BOOLEAN || type instanceof DeclaredType d
                && ((TypeElement) d.asElement()).getQualifiedName().contentEquals("java.lang.Boolean");
    }

    private TypeMirror memberType(Element member, DeclaredType seenFrom) {
        TypeMirror asMember;
        try {
            asMember = ctx.types().asMemberOf(seenFrom, member);
        } catch (IllegalArgumentException notAMember) {
            asMember = member.asType();
        }
        return asMember instanceof javax.lang.model.type.ExecutableType exec ? exec.getReturnType() : asMember;
    }
}
