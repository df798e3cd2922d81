package io.leadstream.models.inference.graph;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An ONNX model's main graph, editable: its nodes in order, its initializers by name, the names of
 * its inputs and outputs. Everything else of the model is written back unchanged.
 */
final class OnnxGraph {

  // ModelProto, GraphProto, ValueInfoProto and OperatorSetIdProto field numbers (onnx.proto)
  private static final int MODEL_GRAPH = 7;
  private static final int MODEL_OPSET_IMPORT = 8;
  private static final int GRAPH_NODE = 1;
  private static final int GRAPH_INITIALIZER = 5;
  private static final int GRAPH_INPUT = 11;
  private static final int GRAPH_OUTPUT = 12;
  private static final int VALUE_NAME = 1;
  private static final int OPSET_DOMAIN = 1;
  private static final int OPSET_VERSION = 2;

  private final ProtoMessage model;
  private final ProtoMessage graph;
  private final List<OnnxNode> nodes;
  private final Map<String, Initializer> initializers;
  private final Set<String> inputs;
  private final Set<String> outputs;

  private OnnxGraph(ProtoMessage model, ProtoMessage graph) {
    this.model = model;
    this.graph = graph;
    this.nodes = new ArrayList<>();
    graph.all(GRAPH_NODE).forEach(f -> nodes.add(OnnxNode.parse(f.message())));
    this.initializers = new LinkedHashMap<>();
    graph
        .all(GRAPH_INITIALIZER)
        .forEach(
            f -> {
              Initializer tensor = Initializer.parse(f.message());
              initializers.put(tensor.name(), tensor);
            });
    this.inputs = valueNames(graph, GRAPH_INPUT);
    this.outputs = valueNames(graph, GRAPH_OUTPUT);
  }

  static OnnxGraph parse(byte[] model) {
    ProtoMessage proto = ProtoMessage.parse(ByteBuffer.wrap(model));
    List<ProtoMessage.Field> graphs = proto.all(MODEL_GRAPH);
    if (graphs.isEmpty()) {
      throw new IllegalArgumentException("not an ONNX model: no graph");
    }
    return new OnnxGraph(proto, graphs.get(0).message());
  }

  List<OnnxNode> nodes() {
    return List.copyOf(nodes);
  }

  Optional<OnnxNode> producer(String value) {
    return nodes.stream().filter(n -> n.outputs().contains(value)).findFirst();
  }

  List<OnnxNode> consumers(String value) {
    return nodes.stream().filter(n -> n.inputs().contains(value)).toList();
  }

  /** The only node reading {@code value}, when it is not also an output of the graph. */
  Optional<OnnxNode> soleConsumer(String value) {
    List<OnnxNode> consumers = consumers(value);
    return consumers.size() == 1 && !outputs.contains(value)
        ? Optional.of(consumers.get(0))
        : Optional.empty();
  }

  Optional<Initializer> initializer(String name) {
    return Optional.ofNullable(initializers.get(name));
  }

  boolean isInput(String name) {
    return inputs.contains(name) && !initializers.containsKey(name);
  }

  void addInitializer(Initializer tensor) {
    initializers.put(tensor.name(), tensor);
  }

  /** Puts {@code replacement} where {@code node} was. */
  void replace(OnnxNode node, OnnxNode replacement) {
    nodes.set(indexOf(node), replacement);
  }

  void remove(OnnxNode node) {
    nodes.remove(indexOf(node));
  }

  /** Inserts {@code node} first, for a node that reads only the graph's inputs. */
  void addFirst(OnnxNode node) {
    nodes.add(0, node);
  }

  /** Removes nodes whose outputs nothing reads, then initializers nothing reads. */
  void removeUnused() {
    boolean removed = true;
    while (removed) {
      Set<String> read = readValues();
      removed = nodes.removeIf(n -> n.outputs().stream().noneMatch(read::contains));
    }
    Set<String> read = readValues();
    initializers.keySet().removeIf(name -> !read.contains(name) && !inputs.contains(name));
  }

  /** The edited model, importing ONNX Runtime's contrib operators if it did not. */
  byte[] toBytes() {
    List<ProtoMessage.Field> nodeFields =
        nodes.stream().map(n -> ProtoMessage.messageField(GRAPH_NODE, n.proto())).toList();
    List<ProtoMessage.Field> initializerFields =
        initializers.values().stream()
            .map(t -> ProtoMessage.messageField(GRAPH_INITIALIZER, t.proto()))
            .toList();
    ProtoMessage edited =
        graph.with(GRAPH_NODE, nodeFields).with(GRAPH_INITIALIZER, initializerFields);
    ProtoMessage out =
        model.with(MODEL_GRAPH, List.of(ProtoMessage.messageField(MODEL_GRAPH, edited)));
    return withMicrosoftOpset(out).toBytes();
  }

  private ProtoMessage withMicrosoftOpset(ProtoMessage out) {
    List<ProtoMessage.Field> opsets = new ArrayList<>(out.all(MODEL_OPSET_IMPORT));
    boolean imported =
        opsets.stream().anyMatch(f -> f.message().string(OPSET_DOMAIN).equals(OnnxNode.MICROSOFT));
    if (imported) {
      return out;
    }
    opsets.add(
        ProtoMessage.messageField(
            MODEL_OPSET_IMPORT,
            new ProtoMessage(
                List.of(
                    ProtoMessage.stringField(OPSET_DOMAIN, OnnxNode.MICROSOFT),
                    ProtoMessage.varintField(OPSET_VERSION, 1)))));
    return out.with(MODEL_OPSET_IMPORT, opsets);
  }

  private Set<String> readValues() {
    Set<String> read = new HashSet<>(outputs);
    nodes.forEach(n -> read.addAll(n.inputs()));
    return read;
  }

  private int indexOf(OnnxNode node) {
    for (int i = 0; i < nodes.size(); i++) {
      if (nodes.get(i) == node) {
        return i;
      }
    }
    throw new IllegalArgumentException("not a node of this graph: " + node);
  }

  private static Set<String> valueNames(ProtoMessage graph, int field) {
    Set<String> names = new HashSet<>();
    graph.all(field).forEach(f -> names.add(f.message().string(VALUE_NAME)));
    return names;
  }
}
