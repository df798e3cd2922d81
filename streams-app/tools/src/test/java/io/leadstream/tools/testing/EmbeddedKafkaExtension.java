package io.leadstream.tools.testing;

import io.leadstream.tools.embedded.EmbeddedKafkaBroker;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one in-process KRaft broker for the whole test run and hands it to tests that ask for an
 * {@link EmbeddedKafkaBroker} parameter; it is closed when the run ends. Tests keep apart by using
 * their own application.id and topic names.
 */
public final class EmbeddedKafkaExtension implements BeforeAllCallback, ParameterResolver {

  private static final String KEY = "leadstream-broker";

  private record BrokerResource(EmbeddedKafkaBroker broker) implements AutoCloseable {
    @Override
    public void close() {
      broker.close();
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    broker(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == EmbeddedKafkaBroker.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return broker(context);
  }

  private static EmbeddedKafkaBroker broker(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(
            KEY, key -> new BrokerResource(EmbeddedKafkaBroker.start()), BrokerResource.class)
        .broker();
  }
}
