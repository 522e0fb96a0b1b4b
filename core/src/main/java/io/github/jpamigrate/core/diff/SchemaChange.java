package io.github.jpamigrate.core.diff;

import io.github.jpamigrate.core.model.CheckConstraint;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.EnumType;
import io.github.jpamigrate.core.model.ForeignKey;
import io.github.jpamigrate.core.model.Index;
import io.github.jpamigrate.core.model.PrimaryKey;
import io.github.jpamigrate.core.model.Sequence;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.model.TableGenerator;
import io.github.jpamigrate.core.model.UniqueConstraint;

/**
 * One difference between two models. Each record carries the old and new values it concerns,
 * so renderers and lints need nothing else; {@link #describe()} says it in words for build
 * messages, {@link #describe(ColumnWords)} for migration headers.
 */
public sealed interface SchemaChange {

    /** The table the change belongs to, or null for model-level objects (sequences, enums). */
    String table();

    /** The change in words, e.g. {@code add column customer.phone_number varchar(32)}. */
    String describe();

    /**
     * The change in words for a migration's header: types and defaults spelled by {@code words}
     * (the dialect's SQL), and an added column's default named.
     */
    default String describe(ColumnWords words) {
        return describe();
    }

    record TableAdded(Table newTable) implements SchemaChange {
        public String table() { return newTable.name(); }
        public String describe() { return "add table " + newTable.qualifiedName(); }
    }

    record TableDropped(Table oldTable) implements SchemaChange {
        public String table() { return oldTable.name(); }
        public String describe() { return "drop table " + oldTable.qualifiedName(); }
    }

    /** A rename the user declared; column-level differences of the table follow as separate changes. */
    record TableRenamed(Table oldTable, Table newTable) implements SchemaChange {
        public String table() { return newTable.name(); }
        public String describe() {
            return "rename table " + oldTable.qualifiedName() + " to " + newTable.qualifiedName();
        }
    }

    record TableCommentChanged(String table, String oldComment, String newComment) implements SchemaChange {
        public String describe() { return "change comment of table " + table; }
    }

    record ColumnAdded(String table, Column newColumn) implements SchemaChange {
        public String describe() {
            return "add column " + table + "." + newColumn.name() + " " + newColumn.type()
                    + (newColumn.nullable() ? "" : " not null");
        }

        public String describe(ColumnWords words) {
            return "add column " + table + "." + newColumn.name() + " " + words.type(newColumn, false)
                    + (newColumn.nullable() ? "" : " not null")
                    + (newColumn.defaultValue() == null ? "" : " default " + words.defaultValue(newColumn.defaultValue()));
        }
    }

    record ColumnDropped(String table, Column oldColumn) implements SchemaChange {
        public String describe() { return "drop column " + table + "." + oldColumn.name(); }
    }

    /** A rename the user declared; other differences of the column follow as a {@link ColumnChanged}. */
    record ColumnRenamed(String table, Column oldColumn, Column newColumn) implements SchemaChange {
        public String describe() {
            return "rename column " + table + "." + oldColumn.name() + " to " + newColumn.name();
        }
    }

    /** Type, nullability, default, identity, uniqueness, definition, enum or comment differ. */
    record ColumnChanged(String table, Column oldColumn, Column newColumn) implements SchemaChange {
        public String describe() {
            return "change column " + table + "." + newColumn.name() + ": " + ColumnDifferences.words(oldColumn, newColumn);
        }

        public String describe(ColumnWords words) {
            return "change column " + table + "." + newColumn.name() + ": "
                    + ColumnDifferences.words(oldColumn, newColumn, words);
        }
    }

    record PrimaryKeyChanged(String table, PrimaryKey oldKey, PrimaryKey newKey) implements SchemaChange {
        public String describe() {
            return "change primary key of " + table + " from " + columns(oldKey) + " to " + columns(newKey);
        }

        private static String columns(PrimaryKey key) {
            return key == null ? "(none)" : "(" + String.join(", ", key.columns()) + ")";
        }
    }

    record ForeignKeyAdded(String table, ForeignKey newKey) implements SchemaChange {
        public String describe() {
            return "add foreign key " + table + "(" + String.join(", ", newKey.columns()) + ") -> "
                    + newKey.referencedTable() + onDelete(newKey);
        }
    }

    record ForeignKeyDropped(String table, ForeignKey oldKey) implements SchemaChange {
        public String describe() {
            return "drop foreign key " + table + "(" + String.join(", ", oldKey.columns()) + ") -> "
                    + oldKey.referencedTable() + onDelete(oldKey);
        }
    }

    record UniqueAdded(String table, UniqueConstraint newConstraint) implements SchemaChange {
        public String describe() {
            return "add unique constraint on " + table + "(" + String.join(", ", newConstraint.columns()) + ")";
        }
    }

    record UniqueDropped(String table, UniqueConstraint oldConstraint) implements SchemaChange {
        public String describe() {
            return "drop unique constraint on " + table + "(" + String.join(", ", oldConstraint.columns()) + ")";
        }
    }

    record IndexAdded(String table, Index newIndex) implements SchemaChange {
        public String describe() {
            return "add " + (newIndex.unique() ? "unique " : "") + "index " + newIndex.name() + " on " + table
                    + "(" + String.join(", ", newIndex.columns()) + ")";
        }
    }

    record IndexDropped(String table, Index oldIndex) implements SchemaChange {
        public String describe() { return "drop index " + oldIndex.name() + " on " + table; }
    }

    record CheckAdded(String table, CheckConstraint newCheck) implements SchemaChange {
        public String describe() { return "add check on " + table + ": " + newCheck.expression(); }
    }

    record CheckDropped(String table, CheckConstraint oldCheck) implements SchemaChange {
        public String describe() { return "drop check on " + table + ": " + oldCheck.expression(); }
    }

    record SequenceAdded(Sequence newSequence) implements SchemaChange {
        public String table() { return null; }
        public String describe() { return "add sequence " + newSequence.name(); }
    }

    record SequenceDropped(Sequence oldSequence) implements SchemaChange {
        public String table() { return null; }
        public String describe() { return "drop sequence " + oldSequence.name(); }
    }

    record SequenceChanged(Sequence oldSequence, Sequence newSequence) implements SchemaChange {
        public String table() { return null; }
        public String describe() {
            return "change sequence " + newSequence.name() + " (start " + oldSequence.initialValue() + " -> "
                    + newSequence.initialValue() + ", increment " + oldSequence.incrementSize() + " -> "
                    + newSequence.incrementSize() + ")";
        }
    }

    record TableGeneratorAdded(TableGenerator newGenerator) implements SchemaChange {
        public String table() { return newGenerator.table(); }
        public String describe() { return "add table generator " + newGenerator.name(); }
    }

    record TableGeneratorDropped(TableGenerator oldGenerator) implements SchemaChange {
        public String table() { return oldGenerator.table(); }
        public String describe() { return "drop table generator " + oldGenerator.name(); }
    }

    /**
     * The constants of a stored enum changed. Renderers rebuild enum checks from the columns;
     * lints use it to catch removed constants and reordered ORDINAL enums.
     */
    record EnumChanged(EnumType oldEnum, EnumType newEnum) implements SchemaChange {
        public String table() { return null; }
        public String describe() {
            return "change enum " + newEnum.javaType() + " constants " + oldEnum.constants() + " -> " + newEnum.constants();
        }
    }

    private static String onDelete(ForeignKey key) {
        return switch (key.onDelete()) {
            case NO_ACTION -> "";
            default -> " on delete " + key.onDelete().sql().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
