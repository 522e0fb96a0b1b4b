package io.github.jpamigrate.processor.diag;

import javax.tools.Diagnostic.Kind;

/**
 * Every message the processor can report. Codes are stable (users search for them and may
 * suppress by them), so a retired code is never reused. Each template says what is wrong and
 * how to fix it.
 */
public enum Diagnostic {
    INTERNAL_ERROR("JM000", Kind.ERROR,
            "internal error while reading %s: %s. This is a jpa-migrate bug; please report it with this class."
                    + " Until it is fixed, mark the attribute @Transient or remove the processor from the build"),
    INVALID_OPTION("JM001", Kind.ERROR,
            "processor option -A%s=%s is not valid; use one of: %s"),
    PREVIOUS_DESCRIPTOR_UNREADABLE("JM002", Kind.WARNING,
            "the descriptor of the previous compilation (%s) cannot be read (%s), so entities compiled earlier"
                    + " may be missing from the new one; run a full rebuild (mvn clean compile)"),
    NO_ID("JM010", Kind.ERROR,
            "entity %s has no identifier; annotate one attribute (or one of its @MappedSuperclass) with @Id"
                    + " or @EmbeddedId"),
    TARGET_NOT_ENTITY("JM011", Kind.ERROR,
            "@%s target %s is not an entity; annotate %s with @Entity, or map a value type with @Embedded"
                    + " or @ElementCollection"),
    UNKNOWN_MAPPED_BY("JM012", Kind.ERROR,
            "mappedBy = \"%s\" names no relationship attribute of %s; use the name of the attribute in %s"
                    + " that owns the relationship (one of: %s)"),
    COLUMN_CONFLICT("JM013", Kind.ERROR,
            "column %s of table %s is mapped twice with different definitions: %s by %s and %s by %s;"
                    + " give both mappings the same type, or map them to different columns"),
    NOT_EMBEDDABLE("JM014", Kind.ERROR,
            "%s is used as an embedded value but %s is not annotated with @Embeddable; add @Embeddable to it"),
    ID_CLASS_MISMATCH("JM015", Kind.ERROR,
            "@IdClass %s does not match the @Id attributes of %s: %s; the id class needs exactly one field"
                    + " per @Id attribute, with the same name and type"),
    ENUMERATED_NOT_ENUM("JM016", Kind.ERROR,
            "@%s is on attribute %s of type %s, which is not an enum; remove the annotation or change the type"
                    + " to an enum"),
    UNSUPPORTED_TYPE("JM017", Kind.ERROR,
            "attribute %s has type %s, which has no column type; map it with @Convert, a relationship annotation"
                    + " or @Embedded, or mark it @Transient"),
    UNKNOWN_COLUMN("JM018", Kind.ERROR,
            "%s names column '%s', which table %s does not have; use one of: %s"),
    UNMAPPED_COLLECTION("JM019", Kind.ERROR,
            "attribute %s is a collection of %s without a mapping; add @OneToMany/@ManyToMany for entities,"
                    + " @ElementCollection for values, or mark it @Transient"),
    JOIN_COLUMN_COUNT("JM020", Kind.ERROR,
            "%s declares %d join column(s) but %s has %d primary key column(s); declare one @JoinColumn per key"
                    + " column, each with referencedColumnName"),
    BAD_CONVERTER("JM021", Kind.ERROR,
            "converter %s does not implement AttributeConverter with a concrete database type; declare it as"
                    + " AttributeConverter<EntityType, DatabaseType>"),
    DUPLICATE_ENTITY_NAME("JM022", Kind.ERROR,
            "entity name '%s' is used by both %s and %s; give one of them another name with @Entity(name = ...)"),
    UNSUPPORTED_MAPPING("JM030", Kind.WARNING,
            "%s is not supported by jpa-migrate yet, so the descriptor does not show its effect on the schema;"
                    + " write that part of the migration by hand");

    private final String code;
    private final Kind kind;
    private final String template;

    Diagnostic(String code, Kind kind, String template) {
        this.code = code;
        this.kind = kind;
        this.template = template;
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    /** The full message, e.g. {@code [JM011] @ManyToOne target com.acme.Foo is not an entity; ...}. */
    public String format(Object... args) {
        return "[" + code + "] " + String.format(template, args);
    }
}
