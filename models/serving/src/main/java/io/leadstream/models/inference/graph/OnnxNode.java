package io.leadstream.models.inference.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One node of an ONNX graph (a {@code NodeProto}): its operator, inputs, outputs, attributes. */
final class OnnxNode {

  static final String MICROSOFT = "com.microsoft";

  // NodeProto and AttributeProto field numbers (onnx.proto)
  private static final int INPUT = 1;
  private static final int OUTPUT = 2;
  private static final int NAME = 3;
  private static final int OP_TYPE = 4;
  private static final int ATTRIBUTE = 5;
  private static final int DOMAIN = 7;
  private static final int ATTRIBUTE_NAME = 1;
  private static final int ATTRIBUTE_F = 2;
  private static final int ATTRIBUTE_I = 3;
  private static final int ATTRIBUTE_INTS = 8;
  private static final int ATTRIBUTE_TYPE = 20;
  private static final int TYPE_FLOAT = 1;
  private static final int TYPE_INT = 2;

  private final ProtoMessage proto;
  private final List<String> inputs;
  private final List<String> outputs;

  private OnnxNode(ProtoMessage proto) {
    this.proto = proto;
    this.inputs = proto.strings(INPUT);
    this.outputs = proto.strings(OUTPUT);
  }

  static OnnxNode parse(ProtoMessage proto) {
    return new OnnxNode(proto);
  }

  /** A contrib operator of ONNX Runtime ({@code com.microsoft}) with no attributes yet. */
  static OnnxNode microsoft(String opType, String name, List<String> inputs, List<String> outputs) {
    return create(opType, MICROSOFT, name, inputs, outputs);
  }

  /** A standard ONNX operator with no attributes yet. */
  static OnnxNode standard(String opType, String name, List<String> inputs, List<String> outputs) {
    return create(opType, "", name, inputs, outputs);
  }

  private static OnnxNode create(
      String opType, String domain, String name, List<String> inputs, List<String> outputs) {
    List<ProtoMessage.Field> fields = new ArrayList<>();
    inputs.forEach(input -> fields.add(ProtoMessage.stringField(INPUT, input)));
    outputs.forEach(output -> fields.add(ProtoMessage.stringField(OUTPUT, output)));
    fields.add(ProtoMessage.stringField(NAME, name));
    fields.add(ProtoMessage.stringField(OP_TYPE, opType));
    if (!domain.isEmpty()) {
      fields.add(ProtoMessage.stringField(DOMAIN, domain));
    }
    return new OnnxNode(new ProtoMessage(fields));
  }

  OnnxNode withInt(String attribute, long value) {
    return withAttribute(attribute, ProtoMessage.varintField(ATTRIBUTE_I, value), TYPE_INT);
  }

  OnnxNode withFloat(String attribute, float value) {
    return withAttribute(attribute, ProtoMessage.floatField(ATTRIBUTE_F, value), TYPE_FLOAT);
  }

  private OnnxNode withAttribute(String attribute, ProtoMessage.Field value, int type) {
    ProtoMessage message =
        new ProtoMessage(
            List.of(
                ProtoMessage.stringField(ATTRIBUTE_NAME, attribute),
                value,
                ProtoMessage.varintField(ATTRIBUTE_TYPE, type)));
    List<ProtoMessage.Field> fields = new ArrayList<>(proto.fields());
    fields.add(ProtoMessage.messageField(ATTRIBUTE, message));
    return new OnnxNode(new ProtoMessage(fields));
  }

  /** This node with input {@code index} set, empty inputs added before it as needed. */
  OnnxNode withInput(int index, String input) {
    List<String> edited = new ArrayList<>(inputs);
    while (edited.size() <= index) {
      edited.add("");
    }
    edited.set(index, input);
    return new OnnxNode(
        proto.with(INPUT, edited.stream().map(i -> ProtoMessage.stringField(INPUT, i)).toList()));
  }

  /** This node writing its first output to {@code output} instead. */
  OnnxNode withFirstOutput(String output) {
    List<String> edited = new ArrayList<>(outputs);
    edited.set(0, output);
    return new OnnxNode(
        proto.with(OUTPUT, edited.stream().map(o -> ProtoMessage.stringField(OUTPUT, o)).toList()));
  }

  String opType() {
    return proto.string(OP_TYPE);
  }

  String domain() {
    return proto.string(DOMAIN);
  }

  String name() {
    return proto.string(NAME);
  }

  boolean is(String opType) {
    return opType().equals(opType);
  }

  List<String> inputs() {
    return inputs;
  }

  /** Input {@code index}, or "" when the node has fewer inputs (ONNX's mark of an absent one). */
  String input(int index) {
    return index < inputs.size() ? inputs.get(index) : "";
  }

  List<String> outputs() {
    return outputs;
  }

  String output() {
    return outputs.get(0);
  }

  Optional<Long> intAttribute(String name) {
    return attribute(name).map(a -> a.varint(ATTRIBUTE_I, 0));
  }

  Optional<Float> floatAttribute(String name) {
    return attribute(name)
        .map(a -> a.floats(ATTRIBUTE_F))
        .filter(values -> !values.isEmpty())
        .map(values -> values.get(0));
  }

  Optional<List<Long>> intsAttribute(String name) {
    return attribute(name).map(a -> a.varints(ATTRIBUTE_INTS));
  }

  private Optional<ProtoMessage> attribute(String name) {
    return proto.all(ATTRIBUTE).stream()
        .map(ProtoMessage.Field::message)
        .filter(a -> a.string(ATTRIBUTE_NAME).equals(name))
        .findFirst();
  }

  ProtoMessage proto() {
    return proto;
  }

  @Override
  public String toString() {
    return opType() + " " + name();
  }
}
