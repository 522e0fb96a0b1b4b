package io.github.jpamigrate.core.diff;

import io.github.jpamigrate.core.diff.SchemaChange.ColumnAdded;
import io.github.jpamigrate.core.diff.SchemaChange.ColumnChanged;
import io.github.jpamigrate.core.diff.SchemaChange.ColumnDropped;
import io.github.jpamigrate.core.diff.SchemaChange.ColumnRenamed;
import io.github.jpamigrate.core.diff.SchemaChange.ForeignKeyAdded;
import io.github.jpamigrate.core.diff.SchemaChange.ForeignKeyDropped;
import io.github.jpamigrate.core.diff.SchemaChange.IndexAdded;
import io.github.jpamigrate.core.diff.SchemaChange.IndexDropped;
import io.github.jpamigrate.core.diff.SchemaChange.SequenceAdded;
import io.github.jpamigrate.core.diff.SchemaChange.SequenceDropped;
import io.github.jpamigrate.core.diff.SchemaChange.TableAdded;
import io.github.jpamigrate.core.diff.SchemaChange.TableDropped;
import io.github.jpamigrate.core.diff.SchemaChange.UniqueAdded;
import io.github.jpamigrate.core.diff.SchemaChange.UniqueDropped;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.ColumnType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A migration's title as a person would write it, when the user gave no message: one change is a
 * verb phrase ({@code widen participant full name}, {@code add customer phone}, {@code drop order
 * note}, {@code rename customer email to login}); several of one kind on one table are named
 * together ({@code add customer phone and fax}, {@code add 3 columns to customer}); a mix is the
 * first change {@code and more}. The keys, indexes and sequences that come with an added or dropped
 * table or column are part of it, not more. Names are split into words ({@code fullName} is
 * {@code full name}) and the schema left out. Deterministic, and at most {@value #MAX_LENGTH}
 * characters as a file name's slug.
 */
public final class ChangeTitle {

    /** The longest title, so that {@code V12__<title>.sql} stays readable in a file list. */
    public static final int MAX_LENGTH = 50;

    private static final String AND_MORE = " and more";

    private ChangeTitle() {
    }

    /** The title of these changes; {@code "model change"} for none. */
    public static String of(List<SchemaChange> changes) {
        List<SchemaChange> main = withoutCompanions(changes);
        if (main.isEmpty()) {
            return "model change";
        }
        if (main.size() == 1) {
            return fit(phrase(main.get(0)), "");
        }
        String together = together(main);
        return together != null ? fit(together, "") : fit(phrase(main.get(0)), AND_MORE);
    }

    /** One change as a verb phrase. */
    static String phrase(SchemaChange change) {
        String t = words(change.table());
        if (change instanceof TableAdded c) {
            return "create " + words(c.newTable().name()) + " table";
        } else if (change instanceof TableDropped c) {
            return "drop " + words(c.oldTable().name()) + " table";
        } else if (change instanceof SchemaChange.TableRenamed c) {
            return "rename " + words(c.oldTable().name()) + " to " + words(c.newTable().name());
        } else if (change instanceof SchemaChange.TableCommentChanged) {
            return "comment " + t + " table";
        } else if (change instanceof ColumnAdded c) {
            return "add " + t + " " + words(c.newColumn().name());
        } else if (change instanceof ColumnDropped c) {
            return "drop " + t + " " + words(c.oldColumn().name());
        } else if (change instanceof ColumnRenamed c) {
            return "rename " + t + " " + words(c.oldColumn().name()) + " to " + words(c.newColumn().name());
        } else if (change instanceof ColumnChanged c) {
            return columnChanged(t, c.oldColumn(), c.newColumn());
        } else if (change instanceof SchemaChange.PrimaryKeyChanged) {
            return "change " + t + " primary key";
        } else if (change instanceof ForeignKeyAdded c) {
            return "add " + t + " " + words(c.newKey().columns()) + " foreign key";
        } else if (change instanceof ForeignKeyDropped c) {
            return "drop " + t + " " + words(c.oldKey().columns()) + " foreign key";
        } else if (change instanceof UniqueAdded c) {
            return "make " + t + " " + words(c.newConstraint().columns()) + " unique";
        } else if (change instanceof UniqueDropped c) {
            return "drop " + t + " " + words(c.oldConstraint().columns()) + " unique constraint";
        } else if (change instanceof IndexAdded c) {
            return "index " + t + " " + words(c.newIndex().columns());
        } else if (change instanceof IndexDropped c) {
            return "drop " + t + " " + words(c.oldIndex().columns()) + " index";
        } else if (change instanceof SchemaChange.CheckAdded) {
            return "add " + t + " check";
        } else if (change instanceof SchemaChange.CheckDropped) {
            return "drop " + t + " check";
        } else if (change instanceof SequenceAdded c) {
            return "create " + words(c.newSequence().name()) + " sequence";
        } else if (change instanceof SequenceDropped c) {
            return "drop " + words(c.oldSequence().name()) + " sequence";
        } else if (change instanceof SchemaChange.SequenceChanged c) {
            return "change " + words(c.newSequence().name()) + " sequence";
        } else if (change instanceof SchemaChange.TableGeneratorAdded c) {
            return "create " + words(c.newGenerator().name()) + " generator";
        } else if (change instanceof SchemaChange.TableGeneratorDropped c) {
            return "drop " + words(c.oldGenerator().name()) + " generator";
        } else if (change instanceof SchemaChange.EnumChanged c) {
            return "change " + words(simpleName(c.newEnum().javaType())) + " values";
        }
        // a new kind of change still gets a name; its own phrase belongs above
        return change.describe();
    }

    /** What a person calls the change of one column: the one thing that changed, else "change". */
    private static String columnChanged(String table, Column was, Column now) {
        String column = table + " " + words(now.name());
        List<String> what = new ArrayList<>();
        if (!was.type().equals(now.type())) {
            what.add(typeChange(was.type(), now.type()) + " " + column);
        }
        if (was.nullable() != now.nullable()) {
            what.add("make " + column + (now.nullable() ? " nullable" : " not null"));
        }
        if (was.unique() != now.unique()) {
            what.add("make " + column + (now.unique() ? " unique" : " not unique"));
        }
        if (!Objects.equals(was.defaultValue(), now.defaultValue())) {
            what.add((now.defaultValue() == null ? "drop " : was.defaultValue() == null ? "set " : "change ")
                    + column + " default");
        }
        if (was.identity() != now.identity()) {
            what.add((now.identity() ? "make " + column + " identity" : "drop " + column + " identity"));
        }
        if (!Objects.equals(was.comment(), now.comment())) {
            what.add("comment " + column);
        }
        return what.size() == 1 ? what.get(0) : "change " + column;
    }

    /** {@code widen}/{@code narrow} within one kind of type, else {@code retype}. */
    private static String typeChange(ColumnType was, ColumnType now) {
        if (was.kind() != now.kind() || was.element() != null || now.element() != null) {
            return "retype";
        }
        int size = Integer.compare(size(now), size(was));
        int scale = Integer.compare(now.scale() == null ? 0 : now.scale(), was.scale() == null ? 0 : was.scale());
        if (size >= 0 && scale >= 0 && (size > 0 || scale > 0)) {
            return "widen";
        }
        if (size <= 0 && scale <= 0 && (size < 0 || scale < 0)) {
            return "narrow";
        }
        return "retype";
    }

    private static int size(ColumnType type) {
        return type.length() != null ? type.length() : type.precision() != null ? type.precision() : 0;
    }

    /**
     * Several changes of one kind on one table, named together: two by name, more by count. Null
     * when they are not alike.
     */
    private static String together(List<SchemaChange> changes) {
        SchemaChange first = changes.get(0);
        boolean alike = changes.stream().allMatch(c -> c.getClass() == first.getClass()
                && Objects.equals(c.table(), first.table()));
        if (!alike) {
            return null;
        }
        String t = words(first.table());
        int n = changes.size();
        if (first instanceof ColumnAdded) {
            return n == 2 ? "add " + t + " " + columnName(first) + " and " + columnName(changes.get(1))
                    : "add " + n + " columns to " + t;
        } else if (first instanceof ColumnDropped) {
            return n == 2 ? "drop " + t + " " + columnName(first) + " and " + columnName(changes.get(1))
                    : "drop " + n + " columns from " + t;
        } else if (first instanceof ColumnChanged) {
            return "change " + n + " " + t + " columns";
        } else if (first instanceof TableAdded c) {
            return n == 2 ? "create " + words(c.newTable().name()) + " and "
                    + words(((TableAdded) changes.get(1)).newTable().name()) + " tables" : "create " + n + " tables";
        } else if (first instanceof TableDropped) {
            return "drop " + n + " tables";
        } else if (first instanceof IndexAdded) {
            return "add " + n + " " + t + " indexes";
        }
        return null;
    }

    private static String columnName(SchemaChange change) {
        return words(change instanceof ColumnAdded c ? c.newColumn().name() : ((ColumnDropped) change).oldColumn().name());
    }

    /**
     * The changes less those that come with another one: keys, indexes, checks and uniques on a
     * table that is added or dropped too, or only on columns added or dropped too; the sequence
     * named after an added or dropped table.
     */
    private static List<SchemaChange> withoutCompanions(List<SchemaChange> changes) {
        Set<String> tables = new HashSet<>();
        Set<String> columns = new HashSet<>();
        for (SchemaChange change : changes) {
            if (change instanceof TableAdded c) {
                tables.add(c.newTable().qualifiedName());
            } else if (change instanceof TableDropped c) {
                tables.add(c.oldTable().qualifiedName());
            } else if (change instanceof ColumnAdded c) {
                columns.add(c.table() + "." + c.newColumn().name());
            } else if (change instanceof ColumnDropped c) {
                columns.add(c.table() + "." + c.oldColumn().name());
            }
        }
        List<SchemaChange> main = new ArrayList<>();
        for (SchemaChange change : changes) {
            List<String> on = constrained(change);
            boolean companion = on != null && (tables.contains(change.table())
                    || !on.isEmpty() && on.stream().allMatch(col -> columns.contains(change.table() + "." + col)));
            boolean tableSequence = change instanceof SequenceAdded c && sequenceOfATable(c.newSequence().name(), tables)
                    || change instanceof SequenceDropped d && sequenceOfATable(d.oldSequence().name(), tables);
            if (!companion && !tableSequence) {
                main.add(change);
            }
        }
        return main;
    }

    /** The columns a key, index, unique or check change is on (none known for a check); null for other changes. */
    private static List<String> constrained(SchemaChange change) {
        if (change instanceof ForeignKeyAdded c) {
            return c.newKey().columns();
        } else if (change instanceof ForeignKeyDropped c) {
            return c.oldKey().columns();
        } else if (change instanceof UniqueAdded c) {
            return c.newConstraint().columns();
        } else if (change instanceof UniqueDropped c) {
            return c.oldConstraint().columns();
        } else if (change instanceof IndexAdded c) {
            return c.newIndex().columns();
        } else if (change instanceof IndexDropped c) {
            return c.oldIndex().columns();
        } else if (change instanceof SchemaChange.CheckAdded || change instanceof SchemaChange.CheckDropped) {
            return List.of();
        }
        return null;
    }

    private static boolean sequenceOfATable(String sequence, Set<String> tables) {
        String lower = sequence.toLowerCase(Locale.ROOT);
        return tables.stream().map(t -> t.toLowerCase(Locale.ROOT)).anyMatch(t -> lower.equals(t + "_seq"));
    }

    /** The phrase cut at a word so that it and the suffix make at most {@value #MAX_LENGTH} slug characters. */
    private static String fit(String phrase, String suffix) {
        int room = MAX_LENGTH - suffix.length();
        if (phrase.length() <= room) {
            return phrase + suffix;
        }
        String cut = phrase.substring(0, room);
        int space = cut.lastIndexOf(' ');
        return (space > room / 2 ? cut.substring(0, space) : cut).strip() + suffix;
    }

    private static String words(List<String> names) {
        return String.join(" ", names.stream().map(ChangeTitle::words).toList());
    }

    /**
     * An identifier in lower-case words: the schema left out, {@code fullName} and {@code full_name}
     * both {@code full name}, {@code HTTPServer} {@code http server}.
     */
    static String words(String identifier) {
        if (identifier == null) {
            return "";
        }
        String name = identifier.substring(identifier.lastIndexOf('.') + 1).replace("`", "").replace("\"", "");
        return name.replaceAll("([a-z0-9])([A-Z])", "$1 $2")
                .replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2")
                .replaceAll("[^A-Za-z0-9]+", " ")
                .strip()
                .toLowerCase(Locale.ROOT);
    }

    private static String simpleName(String javaType) {
        String name = javaType.substring(javaType.lastIndexOf('.') + 1);
        return name.substring(name.lastIndexOf('$') + 1);
    }
}
