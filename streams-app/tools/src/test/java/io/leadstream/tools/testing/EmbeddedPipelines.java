package io.leadstream.tools.testing;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.tools.embedded.EmbeddedPipeline;
import java.util.HashMap;
import java.util.Map;

/** An {@link EmbeddedPipeline} with the default topic names, these settings and any free port. */
public final class EmbeddedPipelines {

  private EmbeddedPipelines() {}

  public static EmbeddedPipeline start(
      Map<String, Object> settings, int partitions, boolean withRegistry) {
    return EmbeddedPipeline.start(
        bootstrap -> {
          Map<String, Object> props = new HashMap<>(settings);
          props.put("bootstrap.servers", bootstrap);
          props.put(LeadStreamConfig.HTTP_PORT_CONFIG, 0);
          return new LeadStreamConfig(props);
        },
        partitions,
        withRegistry);
  }
}
