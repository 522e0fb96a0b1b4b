package io.github.jpamigrate.processor.scan;

import io.github.jpamigrate.processor.diag.Diagnostics;
import io.github.jpamigrate.processor.jpa.Jpa;
import io.github.jpamigrate.processor.jpa.MappingAnnotations;
import io.github.jpamigrate.processor.jpa.Namespace;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * What every part of the scan needs: javac's element and type utilities, the annotation finder,
 * the naming rules, the ORM line and the diagnostics sink.
 */
public final class ScanContext {

    private final Elements elements;
    private final Types types;
    private final MappingAnnotations annotations;
    private final Naming naming;
    private final OrmRules orm;
    private final Diagnostics diagnostics;
    private final List<TypeElement> autoApplyConverters;
    /** The erased types {@link #isSubtype} compares with, looked up once per scan (empty: not on the class path). */
    private final Map<String, Optional<TypeMirror>> erasedTypes = new HashMap<>();

    public ScanContext(Elements elements, Types types, Naming naming, OrmRules orm, Diagnostics diagnostics,
                       List<TypeElement> autoApplyConverters) {
        this.elements = elements;
        this.types = types;
        this.annotations = new MappingAnnotations(elements);
        this.naming = naming;
        this.orm = orm;
        this.diagnostics = diagnostics;
        this.autoApplyConverters = List.copyOf(autoApplyConverters);
    }

    public Elements elements() {
        return elements;
    }

    public Types types() {
        return types;
    }

    public MappingAnnotations annotations() {
        return annotations;
    }

    public Naming naming() {
        return naming;
    }

    public OrmRules orm() {
        return orm;
    }

    public Diagnostics diagnostics() {
        return diagnostics;
    }

    /** Converters declared {@code @Converter(autoApply = true)}. */
    public List<TypeElement> autoApplyConverters() {
        return autoApplyConverters;
    }

    public boolean isEntity(Element type) {
        return type != null && annotations.hasJpa(type, Jpa.ENTITY);
    }

    public boolean isEmbeddable(Element type) {
        return type != null && annotations.hasJpa(type, Jpa.EMBEDDABLE);
    }

    public boolean isMappedSuperclass(Element type) {
        return type != null && annotations.hasJpa(type, Jpa.MAPPED_SUPERCLASS);
    }

    /** The class or interface of a declared type, or null for primitives, arrays and type variables. */
    public TypeElement typeElement(TypeMirror type) {
        return type instanceof DeclaredType d && d.asElement() instanceof TypeElement te ? te : null;
    }

    /** The qualified name of a type without type arguments (primitives by keyword, arrays with {@code []}). */
    public String rawName(TypeMirror type) {
        if (type.getKind().isPrimitive()) {
            // by kind: the text of a primitive carries its type annotations ("@Min(1) int")
            return type.getKind().name().toLowerCase(Locale.ROOT);
        }
        if (type.getKind() == TypeKind.ARRAY) {
            return rawName(((javax.lang.model.type.ArrayType) type).getComponentType()) + "[]";
        }
        TypeElement te = typeElement(type);
        return te != null ? te.getQualifiedName().toString() : types.erasure(type).toString();
    }

    /** Whether the type (erased) is a subtype of the named class or interface. */
    public boolean isSubtype(TypeMirror type, String qualifiedName) {
        TypeMirror target = erasedTypes.computeIfAbsent(qualifiedName, name -> {
            TypeElement te = elements.getTypeElement(name);
            return Optional.ofNullable(te == null ? null : types.erasure(te.asType()));
        }).orElse(null);
        return target != null && types.isAssignable(types.erasure(type), target);
    }

    /** The JPA type (either namespace) with this simple name, if javac can see it. */
    public TypeElement jpaType(String simpleName) {
        for (Namespace ns : Namespace.values()) {
            TypeElement te = elements.getTypeElement(ns.qualify(simpleName));
            if (te != null) {
                return te;
            }
        }
        return null;
    }

    /** Whether the type is a Java enum. */
    public boolean isEnum(TypeMirror type) {
        TypeElement te = typeElement(type);
        return te != null && te.getKind() == ElementKind.ENUM;
    }
}
