package io.leadstream.app.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.leadstream.schema.Tier;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP front of {@link LeadQueries}: {@code GET /leads/{id}} and {@code GET
 * /leads/top?tier=HOT&limit=50}, the latter answered as {@link TopLeads#toJson()}. With {@code
 * local=true} (how instances ask each other) only this instance's store is read: a lead it does not
 * hold is 404, and the top leads are a bare JSON array. Lead data is personal data: with a token
 * configured, every request must carry {@code Authorization: Bearer <token>}. Blocks while other
 * instances are asked: serve it through {@link LeadQueryLanes}.
 */
public final class LeadQueryHandler implements HttpHandler {

  private static final int MAX_LIMIT = 1000;
  private static final Logger log = LoggerFactory.getLogger(LeadQueryHandler.class);

  private final Supplier<LeadQueries> queries;
  private final byte[] token;

  /**
   * @param queries the queries, or null while the instance is starting (answered with 503)
   */
  public LeadQueryHandler(Supplier<LeadQueries> queries, String token) {
    this.queries = queries;
    this.token = token == null ? null : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      if (!"GET".equals(exchange.getRequestMethod())) {
        send(exchange, 405, "{\"error\":\"GET only\"}");
        return;
      }
      if (!authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"leadstream\"");
        send(exchange, 401, "{\"error\":\"missing or wrong bearer token\"}");
        return;
      }
      LeadQueries queries = this.queries.get();
      if (queries == null) {
        send(exchange, 503, "{\"error\":\"starting\"}");
        return;
      }
      String path = exchange.getRequestURI().getRawPath();
      Map<String, String> params = params(exchange.getRequestURI().getRawQuery());
      boolean local = isLocal(exchange.getRequestURI());
      if (path.equals("/leads/top")) {
        Tier tier =
            params.containsKey("tier")
                ? Tier.valueOf(params.get("tier").toUpperCase(Locale.ROOT))
                : null;
        int limit = Math.min(MAX_LIMIT, Integer.parseInt(params.getOrDefault("limit", "50")));
        send(
            exchange,
            200,
            local
                ? queries.localTop(tier, limit).toString()
                : queries.top(tier, limit).toJson().toString());
        return;
      }
      String leadId = URLDecoder.decode(path.substring("/leads/".length()), StandardCharsets.UTF_8);
      Optional<JsonNode> lead = leadId.isEmpty() ? Optional.empty() : queries.lead(leadId, local);
      if (lead.isPresent()) {
        send(exchange, 200, lead.get().toString());
      } else {
        send(exchange, 404, "{\"error\":\"no such lead\"}");
      }
    } catch (LeadQueries.UnavailableException e) {
      send(exchange, 503, "{\"error\":\"" + e.getMessage().replace("\"", "'") + "\"}");
    } catch (IllegalArgumentException e) {
      send(
          exchange,
          400,
          "{\"error\":\"bad request: tier must be one of HOT, WARM, COLD, DISQUALIFIED and limit a number\"}");
    } catch (RuntimeException e) {
      log.error("Lead query {} failed", exchange.getRequestURI().getRawPath(), e);
      send(exchange, 500, "{\"error\":\"internal error\"}");
    } finally {
      exchange.close();
    }
  }

  private boolean authorized(String header) {
    return token == null
        || header != null && MessageDigest.isEqual(token, header.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * True for {@code local=true}: a query of this instance's store only, as other instances ask.
   * False for a query that does not parse.
   */
  static boolean isLocal(URI uri) {
    try {
      return Boolean.parseBoolean(params(uri.getRawQuery()).getOrDefault("local", "false"));
    } catch (IllegalArgumentException malformed) {
      return false;
    }
  }

  private static Map<String, String> params(String rawQuery) {
    Map<String, String> params = new HashMap<>();
    if (rawQuery != null) {
      for (String pair : rawQuery.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          params.put(
              URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return params;
  }

  private static void send(HttpExchange exchange, int code, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(code, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
