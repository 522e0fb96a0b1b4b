package io.github.jpamigrate.plugin.project;

/** Where a workflow reports what it did; the mojos hand in Maven's log. */
public interface WorkflowLog {

    void info(String message);

    void warn(String message);
}
