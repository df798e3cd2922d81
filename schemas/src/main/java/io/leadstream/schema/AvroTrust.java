package io.leadstream.schema;

import org.apache.avro.util.ClassSecurityValidator;
import org.apache.avro.util.ClassSecurityValidator.ClassSecurityPredicate;

/**
 * Avro 1.12 refuses to instantiate generated classes from packages it does not trust. Call {@link
 * #trustSchemaPackage()} once before decoding LeadStream's records.
 */
public final class AvroTrust {

  private static final String TRUSTED_PREFIX = "io.leadstream.";
  private static volatile boolean installed;

  private AvroTrust() {}

  /** Adds LeadStream's packages to Avro's global trusted-class predicate; idempotent. */
  public static synchronized void trustSchemaPackage() {
    if (installed) {
      return;
    }
    ClassSecurityPredicate current = ClassSecurityValidator.getGlobal();
    ClassSecurityValidator.setGlobal(
        ClassSecurityValidator.composite(
            current, type -> type.getName().startsWith(TRUSTED_PREFIX)));
    installed = true;
  }
}
