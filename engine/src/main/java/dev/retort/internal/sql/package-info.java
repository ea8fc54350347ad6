/**
 * Reading migration SQL: a PostgreSQL-aware, streaming statement splitter that keeps file line
 * numbers, and a classifier that tells which statements cannot run inside a transaction block.
 * Internal API; the engine is its only client.
 */
package dev.retort.internal.sql;
