package io.github.jpamigrate.processor.scan;

import io.github.jpamigrate.core.sql.OrmLine;

/**
 * The DDL rules in which the Hibernate ORM lines differ (nullability of {@code @Version}, extra
 * check and unique constraints, time precision), each asked through a method here so the
 * differences are listed in one place.
 *
 * @param line the ORM line the descriptor follows
 */
public record OrmRules(OrmLine line) {

    private static final OrmLine HIBERNATE_7 = OrmLine.HIBERNATE_7;
    private static final OrmLine HIBERNATE_6_6 = OrmLine.HIBERNATE_6_6;

    /** 7.x makes a primitive {@code @Basic} attribute NOT NULL; 6.6 only without {@code @Basic}. */
    public boolean basicPrimitiveNotNull() {
        return line == HIBERNATE_7;
    }

    /**
     * 7.x makes every {@code @Version} column NOT NULL; 6.6 treats a version as any basic attribute, so a
     * primitive one is NOT NULL only without {@code @Column} and {@code @Basic}.
     */
    public boolean versionAlwaysNotNull() {
        return line == HIBERNATE_7;
    }

    /**
     * 7.x keeps single-table subclass columns nullable but adds a check per subclass that they are
     * set for its rows, and a check that the discriminator holds a known value.
     */
    public boolean singleTableChecks() {
        return line == HIBERNATE_7;
    }

    /** 6.6 keeps {@code @ManyToOne(optional = false)} NOT NULL even in a single-table subclass. */
    public boolean subclassToOneStaysNotNull() {
        return line == HIBERNATE_6_6;
    }

    /** 7.x adds {@code unique (owner, value...)} to a {@code Set} collection table that gets no primary key. */
    public boolean uniqueSetCollectionTable() {
        return line == HIBERNATE_7;
    }

    /** 7.x checks an enum attribute with a converter against the converted values of its constants. */
    public boolean convertedEnumCheck() {
        return line == HIBERNATE_7;
    }

    /** 7.x checks that list order columns are not negative. */
    public boolean orderColumnCheck() {
        return line == HIBERNATE_7;
    }

    /**
     * A unidirectional one-to-many {@code Set} join table: 7.x makes the element column the key, 6.6 keys
     * on (owner, element) and adds a unique constraint on the element.
     */
    public boolean oneToManySetKeyedByElement() {
        return line == HIBERNATE_7;
    }

    /**
     * A Hibernate {@code @GenericGenerator} named by {@code @GeneratedValue(strategy = SEQUENCE)} (or another
     * explicit strategy): 6.6 uses the generic generator, 7.x the strategy (a sequence of that name).
     */
    public boolean genericGeneratorOverridesStrategy() {
        return line == HIBERNATE_6_6;
    }

    /** The join columns to the target in a to-one's {@code @JoinTable}: NOT NULL in 7.x, nullable in 6.6. */
    public boolean toOneJoinTableNotNull() {
        return line == HIBERNATE_7;
    }

    /**
     * A collection key referencing non-key columns of its owner: 7.x adds its foreign key to those columns
     * and makes them unique, 6.6 adds neither.
     */
    public boolean collectionPropertyRefConstrained() {
        return line == HIBERNATE_7;
    }

    /** Default fractional-second digits of {@code time} columns: 0 in 7.x, 6 in 6.6. */
    public int defaultTimePrecision() {
        return line == HIBERNATE_7 ? 0 : 6;
    }

    /** 7.x also splits camel case next to digits when snake-casing names ({@code line2Text -> line2_text}). */
    public boolean snakeCaseAfterDigits() {
        return line == HIBERNATE_7;
    }
}
