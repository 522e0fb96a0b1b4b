/** The change goals (generate, check, diff): what the model changed since the snapshot, rendered per target and proven on a scratch database before anything is written. */
package io.github.jpamigrate.plugin.generate;
