package io.github.jpamigrate.core.json;

import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.TypeKind;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code "format"} version of a descriptor, {@code major.minor}.
 *
 * <p>A minor version only adds optional fields, so a reader of the same major reads it and ignores
 * what it does not know. Anything else (a new required field, a new type or action name, a changed
 * meaning) is a new major version, which older readers refuse rather than misread.
 *
 * <p>A writer writes the oldest version that holds the model ({@link #of}), so a model that uses
 * nothing new keeps the bytes (and the readers) it had: 2.0 added only column types, arrays and the
 * national character types; 2.1 only the snapshot's optional {@code migrations} (the migration it
 * belongs to), which a 2.0 reader skips; 3.0 added a table's {@code kind} and {@code query} (views,
 * subselects and objects the project creates itself), which an older reader would take for tables
 * to create; 3.1 is 3.0 with the snapshot's {@code migrations}; 2.2 and 3.2 are 2.1 and 3.1 with a
 * migration's optional {@code completes} and {@code completesChecksum} (a generate that wrote an
 * online follow-up records the migration before it too), which a reader of 2.1 or 3.1 skips; 2.3
 * and 3.3 are 2.2 and 3.2 with the snapshot's optional {@code dialects} (the dialects its
 * migrations are written for), which a reader of 2.2 or 3.2 skips; 2.4 and 3.4 add the snapshot's
 * optional {@code expanded} (the pending contract steps of an expand migration), which an older
 * reader skips: it then takes the kept old column for a drop, which {@code generate} refuses as data
 * loss until acknowledged.
 *
 * @param major incompatible revisions
 * @param minor compatible additions within a major
 */
public record FormatVersion(int major, int minor) {

    /** The newest version this build writes and fully understands. */
    public static final FormatVersion CURRENT = new FormatVersion(3, 4);
    /** Table kinds with the snapshot's migrations, follow-ups and dialects. */
    static final FormatVersion V3_3 = new FormatVersion(3, 3);
    /** A 2.x snapshot that records pending contract steps. */
    static final FormatVersion V2_4 = new FormatVersion(2, 4);
    /** Table kinds with the snapshot's migrations and follow-ups. */
    static final FormatVersion V3_2 = new FormatVersion(3, 2);
    /** A 2.x snapshot that records the dialects its migrations are written for. */
    static final FormatVersion V2_3 = new FormatVersion(2, 3);
    /** Table kinds with the snapshot's migrations. */
    static final FormatVersion V3_1 = new FormatVersion(3, 1);
    /** Table kinds (views, subselects, external objects). */
    static final FormatVersion KINDS = new FormatVersion(3, 0);
    /** A 2.x snapshot whose migration records the one its follow-up completes. */
    static final FormatVersion V2_2 = new FormatVersion(2, 2);
    /** A 2.x snapshot that records its migrations. */
    static final FormatVersion V2_1 = new FormatVersion(2, 1);
    /** Column types, arrays and national character types. */
    public static final FormatVersion TYPES = new FormatVersion(2, 0);
    /** The first version: every model without the column types 2.0 added. */
    public static final FormatVersion FIRST = new FormatVersion(1, 0);
    /** The column types a 1.x reader does not know. */
    private static final Set<TypeKind> SINCE_2_0 = EnumSet.of(TypeKind.ARRAY, TypeKind.NCHAR, TypeKind.NVARCHAR,
            TypeKind.NCLOB);

    /**
     * The oldest version that holds the model: 3.0 when a table is not an ordinary table, else 2.0
     * when a column has a type 2.0 added, else 1.0.
     */
    public static FormatVersion of(SchemaModel model) {
        return of(model, false);
    }

    /**
     * The oldest version that holds a snapshot: the minor that adds the optional {@code migrations}
     * (2.1, or 3.1 with table kinds) when it records its migrations, which readers of the same
     * major's .0 skip; else as {@link #of(SchemaModel)}: 3.0 when a table is not an ordinary
     * table, else 2.0 when a column has a type 2.0 added, else 1.0.
     */
    public static FormatVersion of(SchemaModel model, boolean migrations) {
        return of(model, migrations, false);
    }

    /**
     * As {@link #of(SchemaModel, boolean)}, one minor up (2.2, 3.2) when a recorded migration is an
     * online follow-up that records the migration it completes.
     */
    public static FormatVersion of(SchemaModel model, boolean migrations, boolean completes) {
        return of(model, migrations, completes, false);
    }

    /**
     * As {@link #of(SchemaModel, boolean, boolean)}, one more minor up (2.3, 3.3) when the snapshot
     * records the dialects its migrations are written for.
     */
    public static FormatVersion of(SchemaModel model, boolean migrations, boolean completes, boolean dialects) {
        return of(model, migrations, completes, dialects, false);
    }

    /**
     * As {@link #of(SchemaModel, boolean, boolean, boolean)}, 2.4 or 3.4 when the snapshot records
     * pending contract steps ({@code expanded}).
     */
    public static FormatVersion of(SchemaModel model, boolean migrations, boolean completes, boolean dialects,
                                   boolean expanded) {
        if (model.tables().stream().anyMatch(t -> !t.managed())) {
            return expanded ? CURRENT : dialects ? V3_3 : completes ? V3_2 : migrations ? V3_1 : KINDS;
        }
        if (expanded) {
            return V2_4;
        }
        if (dialects) {
            return V2_3;
        }
        if (completes) {
            return V2_2;
        }
        if (migrations) {
            return V2_1;
        }
        boolean newTypes = model.tables().stream().flatMap(t -> t.columns().stream())
                .map(Column::type).anyMatch(t -> SINCE_2_0.contains(t.kind()) || t.element() != null
                        && SINCE_2_0.contains(t.element().kind()));
        return newTypes ? TYPES : FIRST;
    }

    private static final Pattern SYNTAX = Pattern.compile("(0|[1-9][0-9]{0,8})\\.(0|[1-9][0-9]{0,8})");

    /**
     * Parses {@code major.minor}.
     *
     * @return the version, or null when the text is not of that form
     */
    public static FormatVersion parse(String text) {
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            return null;
        }
        return new FormatVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** Whether a reader of {@link #CURRENT} can read a descriptor of this version. */
    public boolean readable() {
        return major >= FIRST.major && major <= CURRENT.major;
    }

    /** A readable version newer than {@link #CURRENT}: fields this reader does not know are skipped. */
    public boolean newerMinor() {
        // 1.0 was the last 1.x: a 1.1 would come from a JPA Migrate that added fields to 1.x
        return readable() && minor > newestMinor(major);
    }

    /** The newest minor of a major this build knows: 1.0, 2.4, 3.4. */
    private static int newestMinor(int major) {
        return switch (major) {
            case 1 -> FIRST.minor;
            case 2 -> V2_4.minor;
            default -> CURRENT.minor;
        };
    }

    /** The versions a reader of {@link #CURRENT} reads, for messages: {@code 1.x or 2.x}. */
    public static String readableRange() {
        StringBuilder out = new StringBuilder();
        for (int m = FIRST.major; m <= CURRENT.major; m++) {
            out.append(m == FIRST.major ? "" : m == CURRENT.major ? " or " : ", ").append(m).append(".x");
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
