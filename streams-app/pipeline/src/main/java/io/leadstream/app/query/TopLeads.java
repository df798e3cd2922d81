package io.leadstream.app.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The answer to a top-leads query over every instance: the best leads of the instances that
 * answered, best first, and the instances that did not (not in time, or with an error). With any of
 * those the answer is partial: it may miss leads those instances hold.
 *
 * @param leads the leads, as {@code /leads/{id}} shows their latest event
 * @param unreachable {@code host:port} of each instance that did not answer
 */
public record TopLeads(List<JsonNode> leads, List<String> unreachable) {

  public TopLeads {
    leads = List.copyOf(leads);
    unreachable = List.copyOf(unreachable);
  }

  /** True when some instance did not answer. */
  public boolean partial() {
    return !unreachable.isEmpty();
  }

  /** {@code {"leads":[...],"partial":true,"unreachable":["host:port"]}}. */
  public ObjectNode toJson() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    ArrayNode array = json.putArray("leads");
    leads.forEach(array::add);
    json.put("partial", partial());
    ArrayNode missing = json.putArray("unreachable");
    unreachable.forEach(missing::add);
    return json;
  }
}
