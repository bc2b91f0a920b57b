/**
 * Catalogue v1 of the provisioning worker's messages in Java: the CloudEvents envelope
 * ({@code envelope}), the catalogue's types, codes and topics ({@code catalogue}), a record per
 * {@code data} type ({@code template}, {@code customer}, {@code users}, {@code result}), and the
 * validator that checks events against the JSON Schemas shipped in this jar ({@code validation}).
 * The schemas are the contract; the records follow them, and tests keep the two in step.
 */
package dev.wholesale.provisioning.contracts;
