/**
 * Running and measuring: processes, scratch databases, repetitions, the heap search, the data
 * load and the profiles.
 */
package dev.retort.bench.run;
