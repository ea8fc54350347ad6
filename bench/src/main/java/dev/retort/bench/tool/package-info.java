/**
 * One adapter per tool: its file format and the command that runs it in a fresh process.
 */
package dev.retort.bench.tool;
