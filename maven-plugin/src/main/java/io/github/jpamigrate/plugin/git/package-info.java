/** Reads the files of a project as they were at another git commit, through JGit (no git binary needed). */
package io.github.jpamigrate.plugin.git;
