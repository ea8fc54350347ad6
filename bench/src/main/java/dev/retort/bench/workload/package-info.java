/**
 * The one generated workload every tool runs, independent of any file format.
 */
package dev.retort.bench.workload;
