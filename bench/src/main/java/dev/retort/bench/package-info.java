/**
 * The side-by-side migration benchmark of issue #6: {@link dev.retort.bench.BenchMain} compares Retort
 * with its peers and with the server's floor, on one generated workload, in fresh processes.
 */
package dev.retort.bench;
