package io.leadstream.app.evaluation;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * A set of gauges replaced as a whole at every update: the gauges still present take their new
 * values, new ones are registered and those absent are removed, so that nothing stale is left (a
 * model version gone from the window) and a scrape between two updates sees one whole set.
 */
final class ReplacedGauges {

  /** One gauge's value at an update; {@code baseUnit} may be null. */
  record Reading(String name, String description, String baseUnit, Tags tags, double value) {}

  private record Key(String name, Tags tags) {}

  private static final class Value {
    volatile double value;
  }

  private record Held(Gauge gauge, Value value) {}

  private final MeterRegistry registry;
  private final Map<Key, Held> held = new HashMap<>();

  ReplacedGauges(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Makes {@code readings} the whole set; a non-finite value leaves its gauge out. */
  synchronized void replace(Collection<Reading> readings) {
    Map<Key, Reading> next = new HashMap<>();
    for (Reading reading : readings) {
      if (Double.isFinite(reading.value())) {
        next.put(new Key(reading.name(), reading.tags()), reading);
      }
    }
    for (Iterator<Map.Entry<Key, Held>> it = held.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<Key, Held> entry = it.next();
      if (!next.containsKey(entry.getKey())) {
        registry.remove(entry.getValue().gauge());
        it.remove();
      }
    }
    next.forEach(
        (key, reading) -> {
          Held gauge = held.get(key);
          if (gauge == null) {
            held.put(key, register(reading));
          } else {
            gauge.value().value = reading.value();
          }
        });
  }

  private Held register(Reading reading) {
    Value value = new Value();
    value.value = reading.value();
    Gauge gauge =
        Gauge.builder(reading.name(), value, v -> v.value)
            .description(reading.description())
            .baseUnit(reading.baseUnit())
            .tags(reading.tags())
            .strongReference(true)
            .register(registry);
    return new Held(gauge, value);
  }
}
