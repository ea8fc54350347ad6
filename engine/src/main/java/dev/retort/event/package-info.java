/** The events a migration run emits: the one interface through which progress is observed. */
package dev.retort.event;
