/** What every goal reads about the project, free of Maven: its layout and models, the target databases (parsed once from the user's dialects), the declared change options, and the failure and log types. */
package io.github.jpamigrate.plugin.project;
