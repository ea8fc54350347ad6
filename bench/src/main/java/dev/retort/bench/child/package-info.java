/**
 * What runs inside a child JVM: one class per in-process tool, loaded by name so that a child's
 * class path holds only that tool's jars.
 */
package dev.retort.bench.child;
