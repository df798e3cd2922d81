package io.leadstream.app.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.evaluation.LiveEvaluator;
import io.leadstream.app.evaluation.ReportJson;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code /evaluation}: the latest live evaluation as JSON (the JSON of {@code evaluate --json},
 * {@link ReportJson}), or 503 with a JSON message saying why there is none: live evaluation is off,
 * or has not run yet. Answers from what the evaluator last rendered, so it never blocks.
 */
public final class EvaluationRoute implements HttpHandler {

  public static final String PATH = "/evaluation";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final LeadStreamConfig config;
  private final Supplier<LiveEvaluator> evaluator;

  /**
   * @param evaluator the app's live evaluator; null until it has started
   */
  public EvaluationRoute(LeadStreamConfig config, Supplier<LiveEvaluator> evaluator) {
    this.config = config;
    this.evaluator = evaluator;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    Optional<LiveEvaluator.Evaluated> last =
        Optional.ofNullable(evaluator.get()).flatMap(LiveEvaluator::last);
    if (last.isPresent()) {
      OpsServer.respond(exchange, 200, "application/json", last.get().json());
      return;
    }
    String reason =
        config
            .evaluationInterval()
            .map(
                interval ->
                    "no live evaluation yet: it runs every "
                        + interval.toMillis()
                        + " ms once "
                        + config.labelledTopic()
                        + " has been read")
            .orElse(
                "live evaluation is off (" + LeadStreamConfig.EVALUATION_INTERVAL_CONFIG + "=0)");
    ObjectNode body = JSON.createObjectNode().put("status", "UNAVAILABLE").put("reason", reason);
    OpsServer.respond(exchange, 503, "application/json", body.toString());
  }
}
