/** Runs template projects through the Maven Invoker in isolated copies and repositories, with fluent assertions. */
package io.github.jpamigrate.it.harness;
