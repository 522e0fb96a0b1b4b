package io.github.jpamigrate.processor.jpa;

/**
 * Simple names of the annotations the processor reads. JPA names are qualified through
 * {@link Namespace}; Hibernate and Bean Validation names are listed with their packages.
 */
public final class Jpa {

    public static final String ENTITY = "Entity";
    public static final String MAPPED_SUPERCLASS = "MappedSuperclass";
    public static final String EMBEDDABLE = "Embeddable";
    public static final String CONVERTER = "Converter";
    public static final String TABLE = "Table";
    public static final String ID = "Id";
    public static final String EMBEDDED_ID = "EmbeddedId";
    public static final String ID_CLASS = "IdClass";
    public static final String MAPS_ID = "MapsId";
    public static final String GENERATED_VALUE = "GeneratedValue";
    public static final String SEQUENCE_GENERATOR = "SequenceGenerator";
    public static final String SEQUENCE_GENERATORS = "SequenceGenerators";
    public static final String TABLE_GENERATOR = "TableGenerator";
    public static final String TABLE_GENERATORS = "TableGenerators";
    public static final String COLUMN = "Column";
    public static final String BASIC = "Basic";
    public static final String ENUMERATED = "Enumerated";
    public static final String LOB = "Lob";
    public static final String TEMPORAL = "Temporal";
    public static final String VERSION = "Version";
    public static final String TRANSIENT = "Transient";
    public static final String EMBEDDED = "Embedded";
    public static final String ATTRIBUTE_OVERRIDE = "AttributeOverride";
    public static final String ATTRIBUTE_OVERRIDES = "AttributeOverrides";
    public static final String ASSOCIATION_OVERRIDE = "AssociationOverride";
    public static final String ASSOCIATION_OVERRIDES = "AssociationOverrides";
    public static final String MANY_TO_ONE = "ManyToOne";
    public static final String ONE_TO_ONE = "OneToOne";
    public static final String ONE_TO_MANY = "OneToMany";
    public static final String MANY_TO_MANY = "ManyToMany";
    public static final String JOIN_COLUMN = "JoinColumn";
    public static final String JOIN_COLUMNS = "JoinColumns";
    public static final String JOIN_TABLE = "JoinTable";
    public static final String ELEMENT_COLLECTION = "ElementCollection";
    public static final String COLLECTION_TABLE = "CollectionTable";
    public static final String ORDER_COLUMN = "OrderColumn";
    public static final String MAP_KEY_COLUMN = "MapKeyColumn";
    public static final String MAP_KEY_ENUMERATED = "MapKeyEnumerated";
    public static final String MAP_KEY_TEMPORAL = "MapKeyTemporal";
    public static final String MAP_KEY = "MapKey";
    public static final String INHERITANCE = "Inheritance";
    public static final String DISCRIMINATOR_COLUMN = "DiscriminatorColumn";
    public static final String DISCRIMINATOR_VALUE = "DiscriminatorValue";
    public static final String PRIMARY_KEY_JOIN_COLUMN = "PrimaryKeyJoinColumn";
    public static final String PRIMARY_KEY_JOIN_COLUMNS = "PrimaryKeyJoinColumns";
    public static final String CONVERT = "Convert";
    public static final String CONVERTS = "Converts";
    public static final String ACCESS = "Access";
    public static final String SECONDARY_TABLE = "SecondaryTable";
    public static final String SECONDARY_TABLES = "SecondaryTables";
    public static final String ATTRIBUTE_CONVERTER = "AttributeConverter";

    /** Hibernate's own mapping annotations that change the DDL. */
    public static final String HIBERNATE = "org.hibernate.annotations.";
    public static final String COLUMN_DEFAULT = HIBERNATE + "ColumnDefault";
    public static final String COMMENT = HIBERNATE + "Comment";
    public static final String CHECK = HIBERNATE + "Check";
    public static final String CHECKS = HIBERNATE + "Checks";
    public static final String JDBC_TYPE_CODE = HIBERNATE + "JdbcTypeCode";
    /** Custom types ({@code @Type(StringArrayType.class)}): the column type is the type class's run-time answer. */
    public static final String TYPE = HIBERNATE + "Type";
    public static final String JDBC_TYPE = HIBERNATE + "JdbcType";
    public static final String JAVA_TYPE = HIBERNATE + "JavaType";
    public static final String NATIONALIZED = HIBERNATE + "Nationalized";
    public static final String FORMULA = HIBERNATE + "Formula";
    /** A to-one association joined by SQL: no join column and no foreign key (both lines). */
    public static final String JOIN_FORMULA = HIBERNATE + "JoinFormula";
    public static final String GENERIC_GENERATOR = HIBERNATE + "GenericGenerator";
    public static final String GENERIC_GENERATORS = HIBERNATE + "GenericGenerators";
    /** Join columns mixed with formulas; not modelled (JM030). */
    public static final String JOIN_COLUMNS_OR_FORMULAS = HIBERNATE + "JoinColumnsOrFormulas";
    public static final String JOIN_COLUMN_OR_FORMULA = HIBERNATE + "JoinColumnOrFormula";
    public static final String NATURAL_ID = HIBERNATE + "NaturalId";
    public static final String DISCRIMINATOR_OPTIONS = HIBERNATE + "DiscriminatorOptions";
    public static final String DISCRIMINATOR_FORMULA = HIBERNATE + "DiscriminatorFormula";
    public static final String TENANT_ID = HIBERNATE + "TenantId";
    public static final String TARGET = HIBERNATE + "Target";
    public static final String PARENT = HIBERNATE + "Parent";
    public static final String TARGET_EMBEDDABLE = HIBERNATE + "TargetEmbeddable";
    public static final String ON_DELETE = HIBERNATE + "OnDelete";
    public static final String UUID_GENERATOR = HIBERNATE + "UuidGenerator";
    /** Entities whose table is not an ordinary table JPA Migrate creates ({@code TableKind}). */
    public static final String SUBSELECT = HIBERNATE + "Subselect";
    /** Hibernate 7 only: the entity maps a view defined by {@code query}. */
    public static final String VIEW = HIBERNATE + "View";
    public static final String IMMUTABLE = HIBERNATE + "Immutable";

    /**
     * Bean Validation in either namespace; Hibernate turns some constraints into DDL when a validator
     * is present. The names below are relative to these packages.
     */
    public static final String[] VALIDATION = {"jakarta.validation.", "javax.validation."};
    public static final String VALID = "Valid";
    public static final String CONSTRAINT = "Constraint";
    public static final String OVERRIDES_ATTRIBUTE = "OverridesAttribute";
    public static final String OVERRIDES_ATTRIBUTES = "OverridesAttribute.List";
    public static final String NOT_NULL = "constraints.NotNull";
    public static final String NOT_EMPTY = "constraints.NotEmpty";
    public static final String NOT_BLANK = "constraints.NotBlank";
    public static final String SIZE = "constraints.Size";
    public static final String DIGITS = "constraints.Digits";
    public static final String MIN = "constraints.Min";
    public static final String MAX = "constraints.Max";
    /** Hibernate Validator's own string length constraint, which Hibernate ORM applies like {@code @Size}. */
    public static final String VALIDATOR_LENGTH = "org.hibernate.validator.constraints.Length";

    private Jpa() {
    }
}
