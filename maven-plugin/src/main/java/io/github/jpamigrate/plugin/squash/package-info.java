/** {@code baseline}: a Flyway baseline migration ({@code B<version>__<slug>.sql}) from the snapshot, to squash a long history or to start a new vendor's folder, proven against the chain on scratch databases before it is written. */
package io.github.jpamigrate.plugin.squash;
