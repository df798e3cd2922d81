package io.leadstream.app.streams;

import org.apache.kafka.common.serialization.Serde;

/** A topic name bound to the serdes of its keys and values. */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {}
