#!/usr/bin/env python3
"""Exports google/flan-t5-{small,base,large,xl} into the files a LeadStream bundle loads.

  python export_flan_t5.py google/flan-t5-small --out models/flan-t5-small [--onnx [--int8]]
      [--max-tokens 512] [--revision <commit>]

Needs the Hugging Face hub (or its cache) and the pinned packages of requirements.txt. Writes
into --out: tokenizer.json, encoder.pt and decoder_step.pt (TorchScript, DJL's PyTorch engine),
encoder.onnx with --onnx (OnnxRuntime engine), encoder-int8.onnx with --int8 (the ONNX encoder
with dynamic int8 quantization), the manifest sections encoder-pytorch.json, encoder-onnx.json,
encoder-onnx-int8.json and zero-shot.json, and export.json (source model, versions, checks).

Before writing the sections it reloads the exported files and compares them with the eager model
on the example texts alone and in one padded batch (max abs difference, fails over 1e-4), and
prints p(opportunity) and the unknown-token ratio of the examples. See README.md.
"""

import argparse
import datetime
import importlib.metadata
import os
import sys

import torch

import t5_export

CHECK_TEXTS = [t5_export.HOT_EXAMPLE, t5_export.JUNK_EXAMPLE, t5_export.SOURCE_EXAMPLE]
DJL_LIBTORCH = (2, 7)  # DJL 0.36's pytorch-native-cpu 2.7.1 loads TorchScript of torch <= 2.7


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("model", help="hub repo id or local folder, e.g. google/flan-t5-small")
    parser.add_argument("--out", required=True, help="folder to write the files into")
    parser.add_argument("--onnx", action="store_true", help="also export the encoder as ONNX")
    parser.add_argument("--int8", action="store_true",
                        help="with --onnx: also write encoder-int8.onnx, the ONNX encoder with "
                             "dynamic int8 quantization (onnxruntime), checked by the cosine of "
                             "its pooled vectors with the eager encoder (>= %g), and its section "
                             "encoder-onnx-int8.json (maxBatch 1)" % t5_export.INT8_MIN_COSINE)
    parser.add_argument("--max-tokens", type=int, default=512,
                        help="maxTokens of the manifest sections (default 512, Flan-T5's "
                             "training length; lower is faster)")
    parser.add_argument("--revision", default=None,
                        help="hub revision (commit, tag or branch); default main")
    args = parser.parse_args(argv)
    if args.int8 and not args.onnx:
        parser.error("--int8 quantizes the ONNX encoder: add --onnx")
    return args


def load(model_id, revision):
    try:
        import transformers
    except ImportError:
        sys.exit("export_flan_t5.py needs transformers: pip install -r requirements.txt")
    # use_cache off: the decoder step runs without key/value cache; torchscript: tuple outputs
    model = transformers.T5ForConditionalGeneration.from_pretrained(
        model_id, revision=revision, torch_dtype=torch.float32, use_cache=False,
        torchscript=True).eval()
    tokenizer = transformers.AutoTokenizer.from_pretrained(model_id, revision=revision,
                                                           use_fast=True)
    return model, tokenizer


def versions():
    found = {}
    for name in ("torch", "transformers", "tokenizers", "sentencepiece", "onnx", "onnxruntime"):
        try:
            found[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            pass
    return found


def main(argv=None):
    args = parse_args(argv)
    if tuple(int(p) for p in torch.__version__.split(".")[:2]) > DJL_LIBTORCH:
        print("warning: TorchScript written by torch %s may not load in DJL 0.36 (libtorch "
              "2.7.1); use torch <= 2.7" % torch.__version__, file=sys.stderr)
    model, tokenizer = load(args.model, args.revision)
    os.makedirs(args.out, exist_ok=True)
    tokenizer.backend_tokenizer.save(os.path.join(args.out, t5_export.TOKENIZER_JSON))

    def encode(texts):
        batch = tokenizer(texts, padding=True, return_tensors="pt")
        return batch["input_ids"], batch["attention_mask"]

    def piece_id(piece):
        i = tokenizer.convert_tokens_to_ids(piece)
        return None if i is None or i == tokenizer.unk_token_id else i

    yes = t5_export.answer_pieces(piece_id, t5_export.YES_PIECES, "yes")
    no = t5_export.answer_pieces(piece_id, t5_export.NO_PIECES, "no")
    start_id = model.config.decoder_start_token_id

    encoder, decoder_step = t5_export.save_torchscript(model, encode, args.out)
    batches = t5_export.check_batches(encode, CHECK_TEXTS)
    checks = t5_export.check_torchscript(args.out, encoder, decoder_step, batches, start_id)
    checks["fullModel"] = t5_export.check_full_model(model, encoder, decoder_step, batches,
                                                     start_id)
    if args.onnx:
        t5_export.save_onnx_encoder(encoder, encode, args.out)
        checks["onnx"] = t5_export.check_onnx(args.out, encoder, batches)
    int8_cosine = None
    if args.int8:
        t5_export.save_int8_encoder(args.out)
        int8_cosine = t5_export.check_int8(args.out, encoder, batches)
    sections = t5_export.write_specs(args.out, model.config, args.max_tokens, args.onnx, yes, no,
                                     with_int8=args.int8)

    yes_ids, no_ids = [piece_id(p) for p in yes], [piece_id(p) for p in no]
    examples = []
    for text in (t5_export.SOURCE_EXAMPLE, t5_export.HOT_EXAMPLE, t5_export.JUNK_EXAMPLE):
        ids, mask = encode([t5_export.PROMPT_TEMPLATE.format(text=text)])
        p = t5_export.p_yes(encoder, decoder_step, ids, mask, start_id, yes_ids, no_ids)[0]
        ratio = t5_export.unknown_ratio(encode([text])[0][0].tolist(), tokenizer.unk_token_id,
                                        set(tokenizer.all_special_ids))
        examples.append({"text": text, "pYes": p, "unknownRatio": ratio})

    files = [t5_export.TOKENIZER_JSON, t5_export.ENCODER_PT, t5_export.DECODER_STEP_PT]
    files += [t5_export.ENCODER_ONNX] if args.onnx else []
    files += [t5_export.ENCODER_INT8_ONNX] if args.int8 else []
    t5_export.write_json(os.path.join(args.out, "export.json"), {
        "model": args.model,
        "revision": getattr(model.config, "_commit_hash", None) or args.revision,
        "exportedAt": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "exportedBy": "models/flan-t5/export_flan_t5.py",
        "versions": versions(),
        "dModel": model.config.d_model,
        "files": {n: t5_export.model_file(args.out, n) for n in files},
        "sections": sections,
        "maxAbsDiff": checks,
        "int8MinCosine": int8_cosine,
        "zeroShot": {"promptTemplate": t5_export.PROMPT_TEMPLATE, "yesAnswers": yes,
                     "noAnswers": no, "examples": examples},
    })

    for name in files:
        print("%-16s %14d bytes" % (name, os.path.getsize(os.path.join(args.out, name))))
    print("max abs diff vs eager (limit %g): %s" % (t5_export.TOLERANCE, ", ".join(
        "%s %.3g" % kv for kv in checks.items())))
    for e in examples:
        print("p(yes)=%.4f  unknown-token ratio %.3f  %s" % (e["pYes"], e["unknownRatio"],
                                                              e["text"]))
    print("Manifest: copy the files into the bundle folder; %s is the manifest's \"encoder\" "
          "section, zero-shot.json a ZeroShotSpec (see README.md)."
          % " or ".join(s for s in sections if s.startswith("encoder")))


if __name__ == "__main__":
    main()
