package io.github.jpamigrate.plugin.maven;

import io.github.jpamigrate.core.migration.VersionScheme;
import io.github.jpamigrate.plugin.project.Prompter;
import io.github.jpamigrate.plugin.project.WorkflowFailure;
import org.apache.maven.plugins.annotations.Parameter;

/** The goals that write a migration ({@code generate}, {@code init}): its words, its version, and who may be asked. */
abstract class WriteGoalMojo extends ScratchGoalMojo {

    /**
     * What the migration does, in words: it becomes the file name's description
     * ({@code V6__add_phone_number.sql}) and the header's title. Default: derived from the
     * changes ({@code initial schema} for the first migration {@code init} writes). Example:
     * {@code -Dmessage="add phone number"} (or {@code -Djpamigrate.message=...}).
     */
    @Parameter(property = "jpamigrate.message", defaultValue = "${message}")
    String message;

    /**
     * How the version of the migration is chosen: {@code sequential} ({@code V1}, or {@code V7}
     * after {@code V6}) or {@code timestamp} (UTC {@code V20261121093000}, for teams with many
     * parallel branches). Default: {@code sequential}.
     */
    @Parameter(property = "jpamigrate.versionScheme", defaultValue = "sequential")
    String versionScheme;

    /** Maven's interactive mode ({@code -B} turns it off): whether a probable rename may be asked about. Read-only. */
    @Parameter(defaultValue = "${settings.interactiveMode}", readonly = true)
    boolean interactiveMode;

    /** The parsed {@code versionScheme}; a misspelt one fails naming the parameter. */
    VersionScheme versionScheme() {
        try {
            return VersionScheme.parse(versionScheme);
        } catch (IllegalArgumentException e) {
            throw new WorkflowFailure("jpamigrate.versionScheme: " + e.getMessage());
        }
    }

    /** The console when Maven runs interactively and has one, else the batch answer. */
    Prompter prompter() {
        return ConsolePrompter.of(interactiveMode);
    }
}
