package io.leadstream.app.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The metric names the provisioned Grafana dashboard queries. */
public final class DashboardQueries {

  /** Tests run in a module of streams-app/. */
  public static final Path DASHBOARD =
      Path.of("../docker/grafana/dashboards/leadstream.json").toAbsolutePath().normalize();

  private static final Pattern METRIC = Pattern.compile("\\b((?:leadstream|kafka)_[a-z_]+)\\b");

  /** The prefix of the live evaluation's metrics, there only once an app has evaluated. */
  public static final String LIVE_EVALUATION_PREFIX = "leadstream_live_";

  private DashboardQueries() {}

  /** The names of the live evaluation's metrics the dashboard queries. */
  public static List<String> liveEvaluationMetricNames() throws IOException {
    return metricNames().stream().filter(name -> name.startsWith(LIVE_EVALUATION_PREFIX)).toList();
  }

  /** The names of every other metric the dashboard queries, there in any running app's scrape. */
  public static List<String> pipelineMetricNames() throws IOException {
    return metricNames().stream().filter(name -> !name.startsWith(LIVE_EVALUATION_PREFIX)).toList();
  }

  public static List<String> metricNames() throws IOException {
    List<String> names = new ArrayList<>();
    for (JsonNode panel : new ObjectMapper().readTree(DASHBOARD.toFile()).path("panels")) {
      for (JsonNode target : panel.path("targets")) {
        Matcher matcher = METRIC.matcher(target.path("expr").asText());
        while (matcher.find()) {
          names.add(matcher.group(1));
        }
      }
    }
    return names;
  }
}
