/** The user journeys of docs/guide.md, each a chain of real Maven builds on the workshop template project. */
package io.github.jpamigrate.it.journey;
