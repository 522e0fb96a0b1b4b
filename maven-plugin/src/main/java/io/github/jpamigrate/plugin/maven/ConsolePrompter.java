package io.github.jpamigrate.plugin.maven;

import io.github.jpamigrate.plugin.project.Prompter;

import java.io.Console;
import java.util.Locale;

/** Asks on the terminal Maven runs in; only when Maven is interactive and a terminal is there. */
final class ConsolePrompter implements Prompter {

    private final Console console;

    private ConsolePrompter(Console console) {
        this.console = console;
    }

    static Prompter of(boolean interactiveMode) {
        Console console = System.console();
        return interactiveMode && console != null ? new ConsolePrompter(console) : Prompter.BATCH;
    }

    @Override
    public boolean interactive() {
        return true;
    }

    @Override
    public boolean confirm(String question) {
        String answer = console.readLine("%s [y/N] ", question);
        return answer != null && (answer.trim().equalsIgnoreCase("y") || answer.trim().toLowerCase(Locale.ROOT).equals("yes"));
    }
}
