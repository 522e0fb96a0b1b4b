package io.github.jpamigrate.core.diff;

import io.github.jpamigrate.core.model.Column;

import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * How a change in words spells a column's type and default: the model's own notation
 * ({@link #MODEL}), or one dialect's SQL, so that a migration's header says what its statements do
 * ({@code timestamp} where SQLite's statement says {@code timestamp}, not the model's
 * {@code timestamp(6)}).
 */
public interface ColumnWords {

    /** The model's notation: {@code timestamp(6)}, defaults as the model holds them. */
    ColumnWords MODEL = new ColumnWords() {
        @Override
        public String type(Column column, boolean before) {
            return column.type().toString();
        }

        @Override
        public String defaultValue(String expression) {
            return expression;
        }
    };

    /**
     * The column's type.
     *
     * @param before whether the column is as it was (in the old model) rather than as it becomes
     */
    String type(Column column, boolean before);

    /** A default expression as the statements write it. */
    String defaultValue(String expression);

    /** Words from a type speller ({@code before} first) and a default speller. */
    static ColumnWords of(BiFunction<Column, Boolean, String> type, UnaryOperator<String> defaultValue) {
        return new ColumnWords() {
            @Override
            public String type(Column column, boolean before) {
                return type.apply(column, before);
            }

            @Override
            public String defaultValue(String expression) {
                return defaultValue.apply(expression);
            }
        };
    }
}
