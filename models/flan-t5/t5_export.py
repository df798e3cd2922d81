"""Exports a T5-style encoder-decoder into the files LeadStream loads, and checks them.

Shared by export_flan_t5.py (google/flan-t5-* through `transformers`) and make_fixtures.py (the
tiny test model), so the fixture build runs this very code. Needs torch only; `onnxruntime` only
for check_onnx.

A model is anything shaped like transformers' T5ForConditionalGeneration:
  model.config    d_model, decoder_start_token_id, tie_word_embeddings
  model.encoder(input_ids=, attention_mask=)[0]                           last hidden state
  model.decoder(input_ids=, attention_mask=, encoder_hidden_states=,
                encoder_attention_mask=)[0]                               last hidden state
  model.lm_head                                                           hidden -> logits
with the decoder's key/value cache off. An `encode(texts)` callable turns texts into a padded
batch (input_ids, attention_mask), both int64 (batch, length).

What it writes into a folder that already holds tokenizer.json:
  encoder.pt        TorchScript  (input_ids, attention_mask) -> last_hidden_state (b, n, d_model)
  decoder_step.pt   TorchScript  (decoder_input_ids, encoder_hidden_states, encoder_attention_mask)
                                 -> logits (b, decoder length, vocabulary); no cache, for ONE step
  encoder.onnx      optional ONNX of the encoder, dynamic batch and sequence axes
  decoder_model.onnx
                    optional ONNX of the decoder step in the transformers.js layout (the names
                    of Xenova's onnx/decoder_model.onnx): (encoder_attention_mask, input_ids =
                    the decoder ids, encoder_hidden_states) -> logits, dynamic axes
  encoder-pytorch.json, encoder-onnx.json, zero-shot.json, zero-shot-onnx.json
                    manifest sections (io.leadstream.models.inference.EncoderSpec, ZeroShotSpec)
                    naming the files relative to the folder, with size and SHA-256
"""

import hashlib
import json
import os

import torch
from torch import nn

ENCODER_PT = "encoder.pt"
DECODER_STEP_PT = "decoder_step.pt"
ENCODER_ONNX = "encoder.onnx"
ENCODER_INT8_ONNX = "encoder-int8.onnx"
DECODER_ONNX = "decoder_model.onnx"
TOKENIZER_JSON = "tokenizer.json"

TOLERANCE = 1e-4  # max abs difference allowed between an exported file and the eager model
# int8 cannot match the eager model to TOLERANCE; what LeadStream reads is the pooled, normalized
# vector, so the int8 encoder is held to its cosine with the eager one, text by text
INT8_MIN_COSINE = 0.99
ONNX_OPSET = 14
ONNX_MAX_BYTES = 2 ** 31 - 2 ** 26  # protobuf's 2 GB limit, with room for the graph itself

PROMPT_TEMPLATE = ("Is this sales lead a business opportunity? Answer yes or no.\n\n"
                   "Lead: {text}")
YES_PIECES = ["\u2581yes", "\u2581Yes", "yes", "Yes"]
NO_PIECES = ["\u2581no", "\u2581No", "no", "No"]
# the answers `bundle init` writes for Flan-T5 in the transformers.js layout (it has no vocabulary
# at hand, so only the word-start pieces, which a SentencePiece vocabulary of English has)
WORD_START_YES_PIECES = YES_PIECES[:2]
WORD_START_NO_PIECES = NO_PIECES[:2]

# the decoder of transformers.js / optimum exports without cache (decoder_model.onnx): inputs in
# optimum's order (the Java side binds them by name), and a ZeroShotSpec's decoderNames for it
DECODER_ONNX_INPUTS = ["encoder_attention_mask", "input_ids", "encoder_hidden_states"]
DECODER_NAMES = {"inputIds": "input_ids", "encoderHiddenStates": "encoder_hidden_states",
                 "encoderAttentionMask": "encoder_attention_mask", "logits": "logits"}

# the example of the product's source document; T5's vocabulary has few Chinese pieces
SOURCE_EXAMPLE = ("客户 ABC 公司有意向采购我们的 XYZ 产品,初步谈好了合作意向,"
                  "需要进一步沟通具体的采购数量和交付时间。")
HOT_EXAMPLE = "Please send a quote for 40 seats, budget approved, we want to sign next week."
JUNK_EXAMPLE = "I am a student writing a thesis about football clubs."
TRACE_TEXTS = [
    "We met at the trade show and want a demo of the enterprise plan next week, budget approved.",
    "Please send a quote for 40 seats.",
]


class ExportError(Exception):
    """An export that must not be used: a check failed or a format limit was hit."""


class EncoderExport(nn.Module):
    """(input_ids, attention_mask) -> last_hidden_state: the signature EncoderModel calls."""

    def __init__(self, model):
        super().__init__()
        self.encoder = model.encoder

    def forward(self, input_ids, attention_mask):
        return self.encoder(input_ids=input_ids, attention_mask=attention_mask)[0]


class DecoderStepExport(nn.Module):
    """(decoder_input_ids, encoder_hidden_states, encoder_attention_mask) -> logits, the
    signature ZeroShotOpportunity calls: decoder stack + lm_head as in T5ForConditionalGeneration,
    without cache."""

    def __init__(self, model):
        super().__init__()
        self.decoder = model.decoder
        self.lm_head = model.lm_head
        # T5ForConditionalGeneration rescales before a tied lm_head; Flan-T5's is untied
        self.scale = model.config.d_model ** -0.5 if model.config.tie_word_embeddings else None

    def forward(self, decoder_input_ids, encoder_hidden_states, encoder_attention_mask):
        hidden = self.decoder(input_ids=decoder_input_ids,
                              attention_mask=torch.ones_like(decoder_input_ids),
                              encoder_hidden_states=encoder_hidden_states,
                              encoder_attention_mask=encoder_attention_mask)[0]
        if self.scale is not None:
            hidden = hidden * self.scale
        return self.lm_head(hidden)


def start_ids(batch, start_id):
    return torch.full((batch, 1), start_id, dtype=torch.long)


def save_torchscript(model, encode, out):
    """Traces encoder and decoder step on TRACE_TEXTS (two lengths, so padding is in the example)
    and saves both; returns the eager (encoder, decoder_step) modules."""
    encoder, decoder_step = EncoderExport(model).eval(), DecoderStepExport(model).eval()
    ids, mask = encode(TRACE_TEXTS)
    with torch.no_grad():
        # check_trace off: check_torchscript below runs other batch sizes and lengths instead
        encoder_ts = torch.jit.trace(encoder, (ids, mask), check_trace=False)
        hidden = encoder(ids, mask)
        start = start_ids(ids.size(0), model.config.decoder_start_token_id)
        decoder_ts = torch.jit.trace(decoder_step, (start, hidden, mask), check_trace=False)
    encoder_ts.save(os.path.join(out, ENCODER_PT))
    decoder_ts.save(os.path.join(out, DECODER_STEP_PT))
    return encoder, decoder_step


class DecoderOnnxExport(nn.Module):
    """The decoder step with the inputs of transformers.js' decoder_model.onnx, in optimum's order:
    (encoder_attention_mask, input_ids = the decoder ids, encoder_hidden_states) -> logits."""

    def __init__(self, decoder_step):
        super().__init__()
        self.step = decoder_step

    def forward(self, encoder_attention_mask, input_ids, encoder_hidden_states):
        return self.step(input_ids, encoder_hidden_states, encoder_attention_mask)


def _refuse_over_2gb(module, what):
    """ONNX over 2 GB needs external data files, which a manifest ModelFile cannot name."""
    size = sum(p.numel() * p.element_size() for p in module.parameters())
    if size > ONNX_MAX_BYTES:
        raise ExportError("the %s has %.1f GB of weights; ONNX over 2 GB needs external data "
                          "files, which a manifest cannot name: use the TorchScript export"
                          % (what, size / 1e9))


def save_onnx_encoder(encoder, encode, out):
    """Exports the encoder to ONNX (opset ONNX_OPSET, dynamic batch and sequence). Refuses an
    encoder over 2 GB. The `onnx` package is not needed."""
    _refuse_over_2gb(encoder, "encoder")
    axes = {0: "batch", 1: "sequence"}
    with torch.no_grad():
        torch.onnx.export(encoder, encode(TRACE_TEXTS), os.path.join(out, ENCODER_ONNX),
                          input_names=["input_ids", "attention_mask"],
                          output_names=["last_hidden_state"],
                          dynamic_axes={"input_ids": axes, "attention_mask": axes,
                                        "last_hidden_state": axes},
                          opset_version=ONNX_OPSET, do_constant_folding=True)


def save_int8_encoder(out):
    """Writes ENCODER_INT8_ONNX: encoder.onnx with dynamic int8 quantization (onnxruntime's
    quantize_dynamic: the MatMul and Gemm weights in int8, activations quantized per call from
    their own range, which is why a text's reading then depends on the texts batched with it:
    its section says maxBatch 1). Needs `onnxruntime`."""
    from onnxruntime.quantization import QuantType, quantize_dynamic  # only int8 needs it

    quantize_dynamic(os.path.join(out, ENCODER_ONNX), os.path.join(out, ENCODER_INT8_ONNX),
                     op_types_to_quantize=["MatMul", "Gemm"], weight_type=QuantType.QInt8)


def pooled(hidden, mask):
    """Mean over the text's tokens, L2-normalized: the vector LeadStream reads (pooling mean,
    normalize true in the sections)."""
    weights = mask.unsqueeze(-1).to(hidden.dtype)
    mean = (hidden * weights).sum(1) / weights.sum(1).clamp(min=1)
    return torch.nn.functional.normalize(mean, dim=-1)


def check_int8(out, encoder, batches):
    """Runs ENCODER_INT8_ONNX one text at a time (as its maxBatch 1 section will) against the
    eager encoder; returns the lowest cosine of their pooled vectors, raises ExportError under
    INT8_MIN_COSINE. Needs `onnxruntime`."""
    import onnxruntime

    session = onnxruntime.InferenceSession(os.path.join(out, ENCODER_INT8_ONNX),
                                           providers=["CPUExecutionProvider"])
    cosines = []
    with torch.no_grad():
        for ids, mask in batches:
            for row in range(ids.size(0)):
                length = int(mask[row].sum())
                one_ids, one_mask = ids[row:row + 1, :length], mask[row:row + 1, :length]
                got = session.run(["last_hidden_state"], {"input_ids": one_ids.numpy(),
                                                          "attention_mask": one_mask.numpy()})[0]
                cosines.append(float((pooled(torch.from_numpy(got), one_mask)
                                      * pooled(encoder(one_ids, one_mask), one_mask)).sum()))
    worst = min(cosines)
    if worst < INT8_MIN_COSINE:
        raise ExportError("%s reads a text %.4f cosine away from the eager encoder (< %g): "
                          "keep the fp32 encoder.onnx" % (ENCODER_INT8_ONNX, worst,
                                                          INT8_MIN_COSINE))
    return worst


def save_onnx_decoder(encoder, decoder_step, encode, out, start_id):
    """Exports the decoder step to ONNX in the transformers.js layout (DECODER_ONNX, inputs
    DECODER_ONNX_INPUTS, output logits; dynamic batch, encoder and decoder lengths, opset
    ONNX_OPSET). Refuses a decoder over 2 GB."""
    _refuse_over_2gb(decoder_step, "decoder")
    ids, mask = encode(TRACE_TEXTS)
    encoder_axes = {0: "batch_size", 1: "encoder_sequence_length"}
    decoder_axes = {0: "batch_size", 1: "decoder_sequence_length"}
    with torch.no_grad():
        example = (mask, start_ids(ids.size(0), start_id), encoder(ids, mask))
        torch.onnx.export(DecoderOnnxExport(decoder_step).eval(), example,
                          os.path.join(out, DECODER_ONNX), input_names=DECODER_ONNX_INPUTS,
                          output_names=["logits"],
                          dynamic_axes={"encoder_attention_mask": encoder_axes,
                                        "input_ids": decoder_axes,
                                        "encoder_hidden_states": encoder_axes,
                                        "logits": decoder_axes},
                          opset_version=ONNX_OPSET, do_constant_folding=True)


def check_batches(encode, texts):
    """Inputs of other batch sizes and lengths than the trace: each text alone, all together,
    and the zero-shot prompt of the first."""
    return ([encode([t]) for t in texts] + [encode(texts)]
            + [encode([PROMPT_TEMPLATE.format(text=texts[0])])])


def _worst(diffs, what):
    worst = max(diffs)
    if worst > TOLERANCE:
        raise ExportError("%s differs from the eager model by %.3g (> %g)"
                          % (what, worst, TOLERANCE))
    return worst


def check_torchscript(out, encoder, decoder_step, batches, start_id):
    """Reloads encoder.pt and decoder_step.pt and compares them with the eager modules on
    `batches`; returns the max abs differences, raises ExportError over TOLERANCE."""
    encoder_ts = torch.jit.load(os.path.join(out, ENCODER_PT))
    decoder_ts = torch.jit.load(os.path.join(out, DECODER_STEP_PT))
    enc_diffs, dec_diffs = [], []
    with torch.no_grad():
        for ids, mask in batches:
            hidden = encoder(ids, mask)
            enc_diffs.append((encoder_ts(ids, mask) - hidden).abs().max().item())
            start = start_ids(ids.size(0), start_id)
            dec_diffs.append(
                (decoder_ts(start, hidden, mask) - decoder_step(start, hidden, mask))
                .abs().max().item())
    return {"encoder": _worst(enc_diffs, ENCODER_PT),
            "decoderStep": _worst(dec_diffs, DECODER_STEP_PT)}


def check_full_model(model, encoder, decoder_step, batches, start_id):
    """Compares the decoder step with the model's own forward pass from the start id
    (`model(input_ids=, attention_mask=, decoder_input_ids=)[0]` = logits): proves the wrappers
    call the stacks and lm_head as the model does."""
    diffs = []
    with torch.no_grad():
        for ids, mask in batches:
            start = start_ids(ids.size(0), start_id)
            full = model(input_ids=ids, attention_mask=mask, decoder_input_ids=start)[0]
            diffs.append((decoder_step(start, encoder(ids, mask), mask) - full).abs().max().item())
    return _worst(diffs, "the decoder step wrapper")


def check_onnx(out, encoder, batches):
    """Runs encoder.onnx on ONNX Runtime (needs `onnxruntime`) against the eager encoder."""
    import onnxruntime  # only this check needs it

    session = onnxruntime.InferenceSession(os.path.join(out, ENCODER_ONNX),
                                           providers=["CPUExecutionProvider"])
    diffs = []
    with torch.no_grad():
        for ids, mask in batches:
            got = session.run(["last_hidden_state"],
                              {"input_ids": ids.numpy(), "attention_mask": mask.numpy()})[0]
            diffs.append((torch.from_numpy(got) - encoder(ids, mask)).abs().max().item())
    return _worst(diffs, ENCODER_ONNX)


def answer_pieces(piece_id, pieces, what):
    """The pieces the vocabulary has (piece_id returns None for a missing one); at least one."""
    found = [p for p in pieces if piece_id(p) is not None]
    if not found:
        raise ExportError("none of the %s pieces %s is in the vocabulary" % (what, pieces))
    return found


def p_yes(encoder, decoder_step, ids, mask, start_id, yes_ids, no_ids):
    """p(opportunity) per row, as ZeroShotOpportunity computes it: one decoder step from the
    start id, softmax over the yes and no pieces only, yes pieces summed."""
    with torch.no_grad():
        logits = decoder_step(start_ids(ids.size(0), start_id), encoder(ids, mask), mask)[:, -1]
        answer = torch.softmax(logits[:, yes_ids + no_ids].double(), dim=-1)
    return answer[:, : len(yes_ids)].sum(-1).tolist()


def unknown_ratio(ids, unk_id, special_ids):
    """Share of unknown tokens among the non-special tokens, as TextEmbeddingTranslator counts."""
    words = [i for i in ids if i == unk_id or i not in special_ids]
    return sum(1 for i in words if i == unk_id) / max(1, len(words))


def model_file(out, name):
    """A manifest ModelFile entry for a file of `out`, its source relative to that folder."""
    with open(os.path.join(out, name), "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    return {"source": name, "sha256": digest, "size": os.path.getsize(os.path.join(out, name))}


def write_specs(out, config, max_tokens, with_onnx, yes_pieces, no_pieces, onnx_decoder=False,
                with_int8=False):
    """Writes the manifest sections for the files in `out`; returns their file names. With
    onnx_decoder, also zero-shot-onnx.json over encoder.onnx and decoder_model.onnx; with
    with_int8, encoder-onnx-int8.json over encoder-int8.onnx, one text per call (maxBatch 1)."""
    def encoder(engine, file_name):
        return {"engine": engine, "model": model_file(out, file_name),
                "tokenizer": model_file(out, TOKENIZER_JSON),
                "inputs": ["input_ids", "attention_mask"], "output": "last_hidden_state",
                "pooling": "mean", "maxTokens": max_tokens, "dimension": config.d_model,
                "normalize": True, "unknownToken": "<unk>"}

    sections = {"encoder-pytorch.json": encoder("PyTorch", ENCODER_PT)}
    if with_onnx:
        sections["encoder-onnx.json"] = encoder("OnnxRuntime", ENCODER_ONNX)
    if with_int8:
        sections["encoder-onnx-int8.json"] = dict(encoder("OnnxRuntime", ENCODER_INT8_ONNX),
                                                  maxBatch=1)
    def zero_shot(engine, encoder_file, decoder_file, names):
        section = {"engine": engine, "encoder": model_file(out, encoder_file),
                   "decoderStep": model_file(out, decoder_file),
                   "tokenizer": model_file(out, TOKENIZER_JSON)}
        section.update(names)
        section.update({"promptTemplate": PROMPT_TEMPLATE, "yesAnswers": yes_pieces,
                        "noAnswers": no_pieces,
                        "decoderStartTokenId": config.decoder_start_token_id,
                        "maxTokens": max_tokens})
        return section

    sections["zero-shot.json"] = zero_shot("PyTorch", ENCODER_PT, DECODER_STEP_PT, {})
    if onnx_decoder:
        sections["zero-shot-onnx.json"] = zero_shot("OnnxRuntime", ENCODER_ONNX, DECODER_ONNX,
                                                    {"decoderNames": DECODER_NAMES})
    for name, section in sections.items():
        write_json(os.path.join(out, name), section)
    return list(sections)


def write_json(path, value):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(value, f, ensure_ascii=False, indent=1)
        f.write("\n")
