/** The verify goal: proves the committed migration folder against the model, git history, lints and rows kept on a scratch database. */
package io.github.jpamigrate.plugin.verify;
