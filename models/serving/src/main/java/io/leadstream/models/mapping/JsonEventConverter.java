package io.leadstream.models.mapping;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import io.leadstream.models.mapping.ColumnUse.Role;
import io.leadstream.models.mapping.JsonEventException.Kind;
import io.leadstream.schema.LeadEvent;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a CRM's own JSON events (a HubSpot object, a Salesforce change event, ...) through the
 * mapping {@code train} reads an export with: the event is flattened into a row whose columns are
 * dotted JSON paths ({@link JsonRow}: {@code properties.annualrevenue}), and {@link
 * CrmRowConverter} makes the {@link LeadEvent} from that row, with the mapping's types, missing
 * spellings, {@code fields:} and {@code attributes} exactly as for a CSV row. The pipeline ({@code
 * leadstream.input.format=json}) and {@code produce --mapping events.jsonl} both read events here.
 *
 * <ul>
 *   <li>The bytes must be UTF-8 (strictly: malformed sequences are refused, a leading BOM is
 *       allowed) holding one JSON object and nothing after it; a key may not repeat in an object.
 *   <li>The id path must hold a value: absent, {@code null}, blank or a missing spelling is {@link
 *       Kind#MISSING_ID}. Every other mapped path may be absent (or {@code null}): it is missing in
 *       that event, as an empty cell is.
 *   <li>A mapped path that holds an object or an array, or a value its use cannot read, is {@link
 *       Kind#INVALID_FIELD}: {@code properties.annualrevenue: expected a number, got "lots"}.
 *   <li>{@code occurredAt}: the mapping's time path, or {@code fallbackTime} when the mapping has
 *       none or the event lacks it (the pipeline passes the Kafka record's timestamp).
 * </ul>
 *
 * A mapping with {@code join:} is refused: joined files belong to an export, an event is read
 * alone. The label is not read. Stateless and thread-safe.
 */
public final class JsonEventConverter {

  private static final JsonFactory JSON =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private static final Set<Role> INPUTS =
      EnumSet.of(Role.ID, Role.TIME, Role.TEXT, Role.FEATURE, Role.FIELD, Role.SEGMENT);

  private final LeadMapping mapping;
  private final CrmRowConverter converter;

  /** What each mapped path must hold, in mapping order, for messages. */
  private final Map<String, String> expected = new LinkedHashMap<>();

  /**
   * @throws MappingException when the mapping joins files
   */
  public JsonEventConverter(LeadMapping mapping) {
    if (!mapping.joins().isEmpty()) {
      throw new MappingException(
          mapping.origin()
              + ": join is not available for JSON events, which are read one at a time without an"
              + " export's folder; put the joined columns into the events, or leave join out");
    }
    this.mapping = mapping;
    this.converter = CrmRowConverter.forEvents(mapping);
    for (ColumnUse use : mapping.columnUses()) {
      if (INPUTS.contains(use.role())) {
        expected.putIfAbsent(use.column(), expectation(use));
      }
    }
  }

  public LeadMapping mapping() {
    return mapping;
  }

  /**
   * The event a CRM's JSON event maps to.
   *
   * @param json the event's bytes
   * @param eventId the id the event gets (the mapping has no event-id path)
   * @param fallbackTime {@code occurredAt} when the mapping has no time path or the event lacks it
   * @throws JsonEventException saying what is wrong, with its kind
   */
  public LeadEvent convert(byte[] json, String eventId, Instant fallbackTime) {
    JsonRow row = flatten(json);
    String idPath = mapping.idColumn();
    List<String> problems = shapeProblems(row);
    if (row.shape(idPath) == null && converter.value(row.cells(), idPath) == null) {
      throw new JsonEventException(
          Kind.MISSING_ID,
          idPath
              + " (the mapping's id) is "
              + (row.isNull(idPath)
                  ? "null"
                  : row.cells().containsKey(idPath)
                      ? "blank or a missing spelling"
                      : "not in the event"));
    }
    List<CellProblem> cells = new ArrayList<>();
    LeadEvent event =
        problems.isEmpty() ? converter.convertCells(row.cells(), eventId, cells) : null;
    for (CellProblem cell : cells) {
      problems.add(
          cell.column() + ": expected " + cell.expected() + ", got " + row.shown(cell.column()));
    }
    if (!problems.isEmpty()) {
      throw new JsonEventException(Kind.INVALID_FIELD, String.join("; ", problems));
    }
    if (!converter.hasTime(row.cells())) {
      event.setOccurredAt(fallbackTime);
    }
    return event;
  }

  /**
   * The row a mapping reads of one event, not yet checked against the mapping.
   *
   * @throws JsonEventException BAD_UTF8 or NOT_JSON
   */
  public static JsonRow flatten(byte[] json) {
    checkUtf8(json);
    return parse(json);
  }

  /**
   * The mapped paths (id, time, text, features, fields, segment; not the label) whose value no use
   * can read, each as {@code path: expected ..., got ...}: an object, an array, two keys spelling
   * the path, a string with an unpaired surrogate escape. Empty when there are none.
   */
  public List<String> shapeProblems(JsonRow row) {
    List<String> problems = new ArrayList<>();
    for (String path : expected.keySet()) {
      String shape = row.shape(path);
      String cell = row.cells().get(path);
      if (shape != null) {
        problems.add(path + ": expected " + expected.get(path) + ", got " + shape);
      } else if (cell != null && hasUnpairedSurrogate(cell)) {
        problems.add(
            path
                + ": expected "
                + expected.get(path)
                + ", got a string with an unpaired surrogate escape (not Unicode text)");
      }
    }
    return problems;
  }

  private static JsonRow parse(byte[] json) {
    try (JsonParser parser = JSON.createParser(json)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new JsonEventException(Kind.NOT_JSON, "value holds no JSON, only white space");
      }
      if (first != JsonToken.START_OBJECT) {
        throw new JsonEventException(
            Kind.NOT_JSON,
            "value is not a JSON object: it starts with "
                + describe(first)
                + "; a CRM event must be one JSON object");
      }
      JsonRow row = JsonRow.read(parser);
      if (parser.nextToken() != null) {
        throw new JsonEventException(
            Kind.NOT_JSON,
            "value holds more after the end of its JSON object, at "
                + where(parser.currentLocation()));
      }
      return row;
    } catch (JsonEOFException e) {
      throw notJson("ends inside the JSON (truncated?)", e);
    } catch (StreamConstraintsException e) {
      // numbers and names only: how deep, how long, and the limit
      throw notJson("exceeds a limit of the JSON parser (" + e.getOriginalMessage() + ")", e);
    } catch (JsonProcessingException e) {
      String message = e.getOriginalMessage();
      throw notJson(
          message != null && message.startsWith("Duplicate field")
              ? "has a key twice in one object"
              : "is not valid JSON",
          e);
    } catch (IOException e) {
      throw new IllegalStateException("reading JSON from a byte array failed", e);
    }
  }

  private static JsonEventException notJson(String what, JsonProcessingException e) {
    return new JsonEventException(
        Kind.NOT_JSON, "value " + what + ": parsing failed at " + where(e.getLocation()), e);
  }

  private static String where(JsonLocation location) {
    if (location == null) {
      return "an unknown place";
    }
    // an event is usually one line (a record, a line of JSON Lines): then its column says where
    return (location.getLineNr() > 1 ? "line " + location.getLineNr() + ", " : "")
        + "column "
        + location.getColumnNr()
        + " (byte "
        + location.getByteOffset()
        + ")";
  }

  private static String describe(JsonToken token) {
    return switch (token) {
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> String.valueOf(token);
    };
  }

  /**
   * @throws JsonEventException BAD_UTF8 naming the first malformed byte's offset
   */
  private static void checkUtf8(byte[] json) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(json);
    // UTF-8 never decodes to more chars than it has bytes
    CharBuffer out = CharBuffer.allocate(json.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      throw new JsonEventException(
          Kind.BAD_UTF8,
          "value is not valid UTF-8 at byte "
              + in.position()
              + " of "
              + json.length
              + "; JSON must be UTF-8");
    }
  }

  private static boolean hasUnpairedSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  private String expectation(ColumnUse use) {
    return switch (use.role()) {
      case ID -> "a lead id (a string or a number)";
      case TIME -> mapping.time().orElseThrow().expectedValue();
      case TEXT -> "text (a string)";
      case FIELD -> EventFields.kindOf(fieldOf(use.column())).description;
      case FEATURE -> featureExpectation(use.column());
      default -> "a single value (a string, number or boolean)";
    };
  }

  private String featureExpectation(String column) {
    FeatureMapping feature =
        mapping.features().stream()
            .filter(f -> f.column().equals(column))
            .findFirst()
            .orElseThrow();
    return switch (feature.type()) {
      case NUMERIC -> "a number";
      case BOOLEAN -> "a boolean (" + CellValues.BOOLEAN_WORDS + ")";
      case CATEGORICAL -> "a single value (a string, number or boolean)";
    };
  }

  private String fieldOf(String column) {
    return mapping.fields().entrySet().stream()
        .filter(e -> e.getValue().equals(column))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow();
  }
}
