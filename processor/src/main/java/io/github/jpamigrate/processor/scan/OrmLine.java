package io.github.jpamigrate.processor.scan;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Hibernate ORM line whose DDL the descriptor reproduces. The lines differ in a few rules
 * (nullability of {@code @Version}, extra check and unique constraints, time precision), each
 * asked through a method here so the differences are listed in one place.
 */
public enum OrmLine {
    HIBERNATE_7("hibernate-7"),
    HIBERNATE_6_6("hibernate-6.6");

    private final String optionValue;

    OrmLine(String optionValue) {
        this.optionValue = optionValue;
    }

    /** The value of {@code -Ajpamigrate.orm} and of the descriptor's {@code orm} field. */
    public String optionValue() {
        return optionValue;
    }

    public static Optional<OrmLine> fromOption(String value) {
        return Arrays.stream(values()).filter(o -> o.optionValue.equals(value)).findFirst();
    }

    public static String allowedValues() {
        return Arrays.stream(values()).map(OrmLine::optionValue).collect(Collectors.joining(", "));
    }

    /** 7.x makes every {@code @Version} column NOT NULL; 6.6 only primitive ones. */
    public boolean versionAlwaysNotNull() {
        return this == HIBERNATE_7;
    }

    /**
     * 7.x keeps single-table subclass columns nullable but adds a check per subclass that they are
     * set for its rows, and a check that the discriminator holds a known value.
     */
    public boolean singleTableChecks() {
        return this == HIBERNATE_7;
    }

    /** 6.6 keeps {@code @ManyToOne(optional = false)} NOT NULL even in a single-table subclass. */
    public boolean subclassToOneStaysNotNull() {
        return this == HIBERNATE_6_6;
    }

    /** 7.x adds {@code unique (owner, value...)} to a {@code Set} collection table that gets no primary key. */
    public boolean uniqueSetCollectionTable() {
        return this == HIBERNATE_7;
    }

    /** 7.x checks that list order columns are not negative. */
    public boolean orderColumnCheck() {
        return this == HIBERNATE_7;
    }

    /**
     * A unidirectional one-to-many {@code Set} join table: 7.x makes the element column the key, 6.6 keys
     * on (owner, element) and adds a unique constraint on the element.
     */
    public boolean oneToManySetKeyedByElement() {
        return this == HIBERNATE_7;
    }

    /** Default fractional-second digits of {@code time} columns: 0 in 7.x, 6 in 6.6. */
    public int defaultTimePrecision() {
        return this == HIBERNATE_7 ? 0 : 6;
    }

    /** 7.x also splits camel case next to digits when snake-casing names ({@code line2Text -> line2_text}). */
    public boolean snakeCaseAfterDigits() {
        return this == HIBERNATE_7;
    }
}
