/**
 * The Markdown and CSV report, with the project's targets set against the measured values.
 */
package dev.retort.bench.report;
