package io.github.jpamigrate.processor.scan;

import io.github.jpamigrate.processor.jpa.Jpa;
import io.github.jpamigrate.processor.jpa.MappingAnnotations;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;

/**
 * Hashes of what a scan can read of one class (not of its nested classes): its kind, modifiers,
 * annotations, superclass, interfaces and type parameters; every field (enum constants included) with
 * its modifiers, type, annotations and constant value; and the methods, with their modifiers, types and
 * annotations, that can be a property or carry an annotation (of an annotation type, an interface, an id
 * class or a converter: every method and constructor). Method bodies, and methods of an entity, embeddable
 * or mapped superclass that are neither getters nor annotated, are not part of it: editing those leaves
 * the model as it was.
 *
 * <p>The same class gives the same hashes from its source and from its class file: members are taken in
 * sorted order (a class file lists fields first), initialisers and annotations of {@code SOURCE} retention
 * (which a class file does not keep) are left out, and types are written without their type-use
 * annotations. Those go into a hash of their own, {@link #typeUse}, because javac before 22 does not
 * read them back from class files (JDK-8225377): compared only where both sides come from sources.
 *
 * @param plain   everything above but type-use annotations
 * @param typeUse the type-use annotations of the member types, {@code 0} when there are none
 */
public record MappingSignature(String plain, String typeUse) {

    /** The type-use hash of a class read from a class file by a javac that drops them. */
    public static final String UNKNOWN = "?";

    /** Whether this javac reads type-use annotations back from class files (JDK 22 and later). */
    public static final boolean CLASS_FILES_KEEP_TYPE_USE = Runtime.version().feature() >= 22;

    public static MappingSignature of(TypeElement type, MappingAnnotations mapping) {
        StringBuilder typeUse = new StringBuilder();
        StringBuilder text = new StringBuilder();
        text.append(type.getKind()).append(' ').append(type.getModifiers()).append(' ').append(type.getQualifiedName())
                .append(typeParameters(type.getTypeParameters(), typeUse)).append(" extends ")
                .append(plain(type.getSuperclass(), typeUse)).append(" implements ");
        type.getInterfaces().forEach(i -> text.append(plain(i, typeUse)).append(','));
        text.append(' ').append(annotations(type)).append('\n');
        boolean mapped = mapping.hasJpa(type, Jpa.ENTITY) || mapping.hasJpa(type, Jpa.EMBEDDABLE)
                || mapping.hasJpa(type, Jpa.MAPPED_SUPERCLASS);
        List<String> members = new ArrayList<>();
        for (Element member : type.getEnclosedElements()) {
            if (member instanceof VariableElement field) {
                members.add(field.getKind() + " " + field.getModifiers() + " " + annotations(field) + " "
                        + plain(field.asType(), typeUse) + " " + field.getSimpleName() + " = " + field.getConstantValue());
            } else if (member instanceof ExecutableElement method && (member.getKind() == ElementKind.METHOD
                    || member.getKind() == ElementKind.CONSTRUCTOR && !mapped)
                    && (!mapped || AttributeReader.propertyName(method) != null || annotated(method))) {
                StringBuilder line = new StringBuilder();
                line.append(method.getKind()).append(' ').append(method.getModifiers()).append(' ')
                        .append(annotations(method)).append(typeParameters(method.getTypeParameters(), typeUse))
                        .append(' ').append(plain(method.getReturnType(), typeUse)).append(' ')
                        .append(method.getSimpleName()).append('(');
                for (VariableElement parameter : method.getParameters()) {
                    line.append(annotations(parameter)).append(' ').append(plain(parameter.asType(), typeUse)).append(',');
                }
                members.add(line.append(") default ").append(method.getDefaultValue()).toString());
            }
        }
        Collections.sort(members);
        members.forEach(m -> text.append(m).append('\n'));
        return new MappingSignature(hash(text), typeUse.isEmpty() ? "0" : hash(typeUse));
    }

    /**
     * Whether a class is as it was: the plain hashes agree, and so do the type-use hashes where both are
     * known. An unknown earlier type-use hash only matches a class that has no type-use annotations now.
     *
     * @param fromSource whether {@code now} was taken from a source of this compilation
     */
    public boolean sameAs(MappingSignature before, boolean fromSource) {
        if (!plain.equals(before.plain)) {
            return false;
        }
        boolean nowKnown = fromSource || CLASS_FILES_KEEP_TYPE_USE;
        if (!nowKnown) {
            return true;
        }
        return UNKNOWN.equals(before.typeUse) ? "0".equals(typeUse) : typeUse.equals(before.typeUse);
    }

    /** This signature as recorded for a class taken from a source ({@code fromSource}) or a class file. */
    public MappingSignature recorded(boolean fromSource) {
        return fromSource || CLASS_FILES_KEEP_TYPE_USE ? this : new MappingSignature(plain, UNKNOWN);
    }

    private static String typeParameters(List<? extends TypeParameterElement> parameters, StringBuilder typeUse) {
        StringBuilder out = new StringBuilder("<");
        for (TypeParameterElement p : parameters) {
            out.append(p.getSimpleName()).append(':');
            p.getBounds().forEach(b -> out.append(plain(b, typeUse)).append('&'));
            out.append(',');
        }
        return out.append('>').toString();
    }

    /** The type without type-use annotations, which are added to {@code typeUse}. */
    private static String plain(TypeMirror type, StringBuilder typeUse) {
        if (!type.getAnnotationMirrors().isEmpty()) {
            typeUse.append(type).append('\n');
        }
        if (type instanceof DeclaredType declared && declared.asElement() instanceof TypeElement element) {
            StringBuilder out = new StringBuilder(element.getQualifiedName());
            if (!declared.getTypeArguments().isEmpty()) {
                out.append('<');
                declared.getTypeArguments().forEach(a -> out.append(plain(a, typeUse)).append(','));
                out.append('>');
            }
            return out.toString();
        }
        if (type instanceof ArrayType array) {
            return plain(array.getComponentType(), typeUse) + "[]";
        }
        if (type instanceof TypeVariable variable) {
            return variable.asElement().getSimpleName().toString();
        }
        if (type instanceof WildcardType wildcard) {
            return "?" + (wildcard.getExtendsBound() == null ? "" : " extends " + plain(wildcard.getExtendsBound(), typeUse))
                    + (wildcard.getSuperBound() == null ? "" : " super " + plain(wildcard.getSuperBound(), typeUse));
        }
        return type.getKind().isPrimitive() || type.getKind().name().equals("VOID")
                ? type.getKind().name().toLowerCase(java.util.Locale.ROOT) : type.getKind() + ":" + type;
    }

    /** The annotations a class file keeps (not those of {@code SOURCE} retention), as text. */
    private static String annotations(Element element) {
        StringBuilder out = new StringBuilder();
        for (AnnotationMirror annotation : element.getAnnotationMirrors()) {
            if (kept(annotation)) {
                out.append(annotation).append(' ');
            }
        }
        return out.toString();
    }

    private static boolean annotated(ExecutableElement method) {
        return method.getAnnotationMirrors().stream().anyMatch(MappingSignature::kept)
                || method.getParameters().stream().anyMatch(p -> p.getAnnotationMirrors().stream().anyMatch(MappingSignature::kept));
    }

    private static boolean kept(AnnotationMirror annotation) {
        Retention retention = annotation.getAnnotationType().asElement().getAnnotation(Retention.class);
        return retention == null || retention.value() != RetentionPolicy.SOURCE;
    }

    /** FNV-1a, 64 bits, and the length: it tells an edited class from its earlier self, no adversary involved. */
    private static String hash(CharSequence text) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            hash = (hash ^ text.charAt(i)) * 0x100000001b3L;
        }
        return Long.toHexString(hash) + "-" + Integer.toHexString(text.length());
    }
}
