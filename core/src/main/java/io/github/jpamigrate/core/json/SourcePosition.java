package io.github.jpamigrate.core.json;

/**
 * Where something is in a descriptor file, for error messages.
 *
 * @param source  the file name (or other origin) the caller gave
 * @param line    1-based line, or 0 when unknown
 * @param column  1-based column, or 0 when unknown
 * @param pointer JSON Pointer of the value, e.g. {@code /tables/0/columns/2/type}, or empty
 */
record SourcePosition(String source, int line, int column, String pointer) {

    /** What every message about a broken descriptor ends with. */
    static final String FIX = DescriptorException.FIX;

    /** A position that names only the source. */
    static SourcePosition of(String source) {
        return new SourcePosition(source, 0, 0, "");
    }

    /** {@code model.json, line 3, column 5 (/tables/0)}. */
    String describe() {
        StringBuilder text = new StringBuilder(source);
        if (line > 0) {
            text.append(", line ").append(line).append(", column ").append(column);
        }
        if (!pointer.isEmpty()) {
            text.append(" (").append(pointer).append(')');
        }
        return text.toString();
    }

    /** A problem at this position, followed by how to fix it. */
    DescriptorException error(String problem) {
        return error(problem, null);
    }

    /** The same, keeping the parser's exception as the cause for whoever debugs with {@code mvn -e}. */
    DescriptorException error(String problem, Throwable cause) {
        return new DescriptorException(describe() + ": " + problem + ". " + FIX, cause);
    }
}
