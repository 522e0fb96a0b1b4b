package io.github.jpamigrate.it.harness;

/** Reading the committed snapshot beside the compiled descriptor. */
public final class Snapshots {

    private Snapshots() {
    }

    /**
     * A descriptor or snapshot without its format line, its {@code dialects} line and its
     * {@code migrations} block: the model alone. The snapshot is the compiled model plus the
     * dialects its migrations are written for and the migration it belongs to (for the branch
     * checks), so the two are equal once these are taken away.
     */
    public static String modelOnly(String json) {
        return json.replaceFirst("\n  \"format\": \"[0-9.]+\",", "")
                .replaceFirst("\n  \"dialects\": \\[[^\\]]*\\],", "")
                .replaceFirst("(?s)\n  \"migrations\": \\[.*?\n  \\],", "");
    }
}
