/** What the goals do, free of Maven: generate a migration, check the snapshot, show the pending diff. */
package io.github.jpamigrate.workflow;
