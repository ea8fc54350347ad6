/**
 * Failures as data: {@link dev.retort.error.RetortException} and its {@link dev.retort.error.ErrorCode}, with
 * subclasses that carry the facts a user needs to act (file, line, revision, SQLSTATE).
 */
package dev.retort.error;
