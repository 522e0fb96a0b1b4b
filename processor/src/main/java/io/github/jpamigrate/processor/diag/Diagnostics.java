package io.github.jpamigrate.processor.diag;

import io.github.jpamigrate.processor.jpa.AnnotationValues;
import java.util.HashSet;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic.Kind;

/**
 * Reports {@link Diagnostic}s through javac's {@link Messager}, pointing at the annotation member
 * when there is one so that IDEs underline the right spot, and remembers whether an error was
 * reported (then no descriptor is written).
 */
public final class Diagnostics {

    private final Messager messager;
    private final Set<String> reported = new HashSet<>();
    private boolean errors;

    public Diagnostics(Messager messager) {
        this.messager = messager;
    }

    /**
     * Diagnostics that report nothing, only remember whether there was an error: for a look at the
     * model before the last round, when a type another processor generates may not exist yet.
     */
    public static Diagnostics quiet() {
        return new Diagnostics(new Messager() {
            @Override
            public void printMessage(Kind kind, CharSequence msg) {
            }

            @Override
            public void printMessage(Kind kind, CharSequence msg, Element e) {
            }

            @Override
            public void printMessage(Kind kind, CharSequence msg, Element e, AnnotationMirror a) {
            }

            @Override
            public void printMessage(Kind kind, CharSequence msg, Element e, AnnotationMirror a, AnnotationValue v) {
            }
        });
    }

    public void report(Diagnostic diagnostic, Element element, Object... args) {
        report(diagnostic, element, null, null, args);
    }

    /**
     * @param annotation the annotation involved, or null
     * @param member     the annotation member involved, or null
     */
    public void report(Diagnostic diagnostic, Element element, AnnotationValues annotation, String member,
                       Object... args) {
        String message = diagnostic.format(args);
        Element target = annotation != null && annotation.annotated() != null ? annotation.annotated() : element;
        // the same mistake reached through two entities (a shared embeddable) is reported once
        if (!reported.add(message + "@" + target)) {
            return;
        }
        if (diagnostic.kind() == Kind.ERROR) {
            errors = true;
        }
        if (target == null) {
            messager.printMessage(diagnostic.kind(), message);
        } else if (annotation == null) {
            messager.printMessage(diagnostic.kind(), message, target);
        } else {
            AnnotationValue value = member == null ? null : annotation.explicitValue(member);
            if (value == null) {
                messager.printMessage(diagnostic.kind(), message, target, annotation.mirror());
            } else {
                messager.printMessage(diagnostic.kind(), message, target, annotation.mirror(), value);
            }
        }
    }

    public boolean hasErrors() {
        return errors;
    }

    /** Whether anything at all was reported (or would have been, for {@link #quiet()}). */
    public boolean reportedAny() {
        return !reported.isEmpty();
    }
}
