package io.github.jpamigrate.plugin.baseline;

import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.ForeignKey;
import io.github.jpamigrate.core.model.Index;
import io.github.jpamigrate.core.model.PrimaryKey;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.model.UniqueConstraint;

/** One side of a drift item in words, for the log and the {@code check}/{@code verify} listings. */
final class ItemWords {

    private ItemWords() {
    }

    static String of(DriftItem.Kind kind, Object part) {
        if (part == null) {
            return "no such " + kind.jsonName().replace('-', ' ');
        }
        if (part instanceof Column c) {
            return column(c);
        }
        if (part instanceof Table t) {
            return "the table (" + t.columns().size() + " column(s))";
        }
        if (part instanceof PrimaryKey k) {
            return "primary key (" + String.join(", ", k.columns()) + ")";
        }
        if (part instanceof ForeignKey k) {
            return "foreign key " + (k.name() == null || k.name().isBlank() ? "" : k.name() + " ") + "("
                    + String.join(", ", k.columns()) + ") -> " + k.referencedTable() + " ("
                    + String.join(", ", k.referencedColumns()) + ") on delete "
                    + k.onDelete().sql().toLowerCase(java.util.Locale.ROOT);
        }
        if (part instanceof UniqueConstraint u) {
            return "unique " + (u.name() == null || u.name().isBlank() ? "" : u.name() + " ") + "("
                    + String.join(", ", u.columns()) + ")";
        }
        Index i = (Index) part;
        return (i.unique() ? "unique index " : "index ") + i.name() + " (" + String.join(", ", i.columns()) + ")";
    }

    static String column(Column c) {
        StringBuilder out = new StringBuilder(c.definition() != null ? c.definition() : c.type().toString());
        out.append(c.nullable() ? " null" : " not null");
        if (c.defaultValue() != null) {
            out.append(" default ").append(c.defaultValue());
        }
        if (c.unique()) {
            out.append(" unique");
        }
        if (c.identity()) {
            out.append(" identity");
        }
        return out.toString();
    }
}
