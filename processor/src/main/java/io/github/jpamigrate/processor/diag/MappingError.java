package io.github.jpamigrate.processor.diag;

import io.github.jpamigrate.processor.jpa.AnnotationValues;
import javax.lang.model.element.Element;

/**
 * A user's mapping mistake found deep inside the scan: it stops reading the current entity and
 * is reported on the element (and annotation member) where it was found.
 */
public final class MappingError extends RuntimeException {

    private final transient Diagnostic diagnostic;
    private final transient Element element;
    private final transient AnnotationValues annotation;
    private final String member;
    private final transient Object[] args;

    public MappingError(Diagnostic diagnostic, Element element, AnnotationValues annotation, String member,
                        Object... args) {
        super(diagnostic.format(args), null, false, false);
        this.diagnostic = diagnostic;
        this.element = element;
        this.annotation = annotation;
        this.member = member;
        this.args = args.clone();
    }

    public MappingError(Diagnostic diagnostic, Element element, Object... args) {
        this(diagnostic, element, null, null, args);
    }

    /** Reports this error. */
    public void report(Diagnostics diagnostics) {
        diagnostics.report(diagnostic, element, annotation, member, args);
    }
}
