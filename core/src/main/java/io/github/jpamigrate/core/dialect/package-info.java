/** The registry of supported databases: each {@code Dialect} names the facts its own package in {@code sql} provides. */
package io.github.jpamigrate.core.dialect;
