#!/usr/bin/python3
"""Self-test of t5_export on the tiny T5-shaped model of make_fixtures.py (torch only).

  /usr/bin/python3 models/flan-t5/test_t5_export.py

Exports the tiny model into a temporary folder through the code export_flan_t5.py runs, reloads
the files and checks signatures, other batch sizes and lengths, numbers and manifest sections.
Not part of the Maven build.
"""

import hashlib
import importlib.util
import json
import os
import shutil
import sys
import tempfile
import types
import unittest
from unittest import mock

import torch

import export_flan_t5
import make_fixtures
import t5_export

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                        "..", "serving", "src", "test", "resources", "t5-tiny")
START = make_fixtures.CONFIG["decoder_start_token_id"]


def has_onnxruntime():
    return importlib.util.find_spec("onnxruntime") is not None


class T5ExportTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.out = tempfile.mkdtemp(prefix="t5-export-test-")
        cls.model, cls.tok, vocab, encode = make_fixtures.build_model()
        cls.encode = staticmethod(encode)
        with open(os.path.join(cls.out, t5_export.TOKENIZER_JSON), "w", encoding="utf-8") as f:
            json.dump(make_fixtures.tokenizer_json(vocab), f)
        cls.encoder, cls.decoder_step = t5_export.save_torchscript(cls.model, encode, cls.out)
        t5_export.save_onnx_encoder(cls.encoder, encode, cls.out)
        t5_export.save_onnx_decoder(cls.encoder, cls.decoder_step, encode, cls.out, START)
        cls.specs = t5_export.write_specs(cls.out, cls.model.config, 128, True,
                                          t5_export.YES_PIECES, t5_export.NO_PIECES,
                                          onnx_decoder=True)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.out)

    def load(self, name):
        return torch.jit.load(os.path.join(self.out, name))

    def test_torchscript_files_have_the_signatures_the_java_side_calls(self):
        encoder, decoder = self.load(t5_export.ENCODER_PT), self.load(t5_export.DECODER_STEP_PT)
        self.assertEqual([a.name for a in encoder.forward.schema.arguments][1:],
                         ["input_ids", "attention_mask"])
        self.assertEqual([a.name for a in decoder.forward.schema.arguments][1:],
                         ["decoder_input_ids", "encoder_hidden_states", "encoder_attention_mask"])
        ids, mask = self.encode(["hello", "Please send a quote for 40 seats."])
        with torch.no_grad():
            hidden = encoder(ids, mask)
            logits = decoder(t5_export.start_ids(2, START), hidden, mask)
        self.assertEqual(hidden.dtype, torch.float32)
        self.assertEqual(tuple(hidden.shape), (2, ids.size(1), self.model.config.d_model))
        self.assertEqual(tuple(logits.shape), (2, 1, self.model.config.vocab_size))

    def test_torchscript_matches_eager_at_other_batch_sizes_and_lengths(self):
        long_text = " ".join(["budget approved, please send the contract"] * 30)
        texts = [t5_export.HOT_EXAMPLE, "hello", t5_export.SOURCE_EXAMPLE, long_text,
                 t5_export.JUNK_EXAMPLE]
        batches = t5_export.check_batches(self.encode, texts)
        lengths = sorted({ids.size(1) for ids, _ in batches})
        self.assertGreater(lengths[-1], 128, "longer than the relative-attention max distance")
        diffs = t5_export.check_torchscript(self.out, self.encoder, self.decoder_step, batches,
                                            START)
        print("\n  TorchScript vs eager over batch sizes %s, lengths %s: %s"
              % (sorted({ids.size(0) for ids, _ in batches}), lengths, diffs))
        self.assertLessEqual(max(diffs.values()), t5_export.TOLERANCE)

    def test_check_fails_when_a_file_differs_from_the_model(self):
        other, _, _, _ = make_fixtures.build_model()
        with torch.no_grad():
            other.lm_head.weight.add_(0.01)
        with self.assertRaisesRegex(t5_export.ExportError, "decoder_step.pt differs"):
            t5_export.check_torchscript(
                self.out, t5_export.EncoderExport(other), t5_export.DecoderStepExport(other),
                t5_export.check_batches(self.encode, ["hello"]), START)

    def test_zero_shot_from_the_files_equals_the_eager_model(self):
        yes = [self.tok.ids[p] for p in t5_export.YES_PIECES]
        no = [self.tok.ids[p] for p in t5_export.NO_PIECES]
        prompts = [t5_export.PROMPT_TEMPLATE.format(text=t)
                   for t in (t5_export.HOT_EXAMPLE, t5_export.JUNK_EXAMPLE)]
        ids, mask = self.encode(prompts)
        eager = t5_export.p_yes(self.encoder, self.decoder_step, ids, mask, START, yes, no)
        files = t5_export.p_yes(self.load(t5_export.ENCODER_PT),
                                self.load(t5_export.DECODER_STEP_PT), ids, mask, START, yes, no)
        for want, got in zip(eager, files):
            self.assertAlmostEqual(want, got, delta=1e-6)
            self.assertTrue(0.0 < got < 1.0)

    def test_unknown_ratio_counts_unknown_among_non_special_tokens(self):
        special = {0, 1}
        self.assertEqual(t5_export.unknown_ratio([5, 2, 7, 2, 1], 2, special), 0.5)
        chinese = self.tok.encode(t5_export.SOURCE_EXAMPLE)
        self.assertAlmostEqual(t5_export.unknown_ratio(chinese, 2, special), 5 / 12)
        self.assertEqual(
            t5_export.unknown_ratio(self.tok.encode(t5_export.HOT_EXAMPLE), 2, special), 0.0)

    def test_answer_pieces_keep_those_in_the_vocabulary_and_refuse_none(self):
        vocab = {"\u2581yes": 9, "Yes": 11}
        self.assertEqual(t5_export.answer_pieces(vocab.get, t5_export.YES_PIECES, "yes"),
                         ["\u2581yes", "Yes"])
        with self.assertRaisesRegex(t5_export.ExportError, "none of the no pieces"):
            t5_export.answer_pieces(vocab.get, t5_export.NO_PIECES, "no")

    def test_manifest_sections_name_the_files_with_size_and_hash(self):
        self.assertEqual(self.specs, ["encoder-pytorch.json", "encoder-onnx.json",
                                      "zero-shot.json", "zero-shot-onnx.json"])
        for name in self.specs:
            with open(os.path.join(self.out, name), encoding="utf-8") as f:
                spec = json.load(f)
            with open(os.path.join(FIXTURES, name), encoding="utf-8") as f:
                self.assertEqual(list(spec), list(json.load(f)), "same fields as the fixture")
            files = [v for v in spec.values() if isinstance(v, dict) and "source" in v]
            self.assertEqual(len(files), 2 if name.startswith("encoder") else 3)
            for entry in files:
                with open(os.path.join(self.out, entry["source"]), "rb") as f:
                    data = f.read()
                self.assertEqual(entry["size"], len(data))
                self.assertEqual(entry["sha256"], hashlib.sha256(data).hexdigest())
            self.assertEqual(spec["maxTokens"], 128)
            if name.startswith("encoder"):
                self.assertEqual(spec["dimension"], self.model.config.d_model)
                self.assertEqual((spec["pooling"], spec["unknownToken"]), ("mean", "<unk>"))
            else:
                self.assertEqual(spec["decoderStartTokenId"], START)
                self.assertEqual(spec["yesAnswers"], t5_export.YES_PIECES)
                self.assertIn("{text}", spec["promptTemplate"])
        with open(os.path.join(self.out, "zero-shot-onnx.json"), encoding="utf-8") as f:
            onnx = json.load(f)
        self.assertEqual((onnx["engine"], onnx["decoderStep"]["source"]),
                         ("OnnxRuntime", t5_export.DECODER_ONNX))
        self.assertEqual(onnx["decoderNames"]["inputIds"], "input_ids")

    def test_onnx_export_refuses_an_encoder_or_decoder_over_2_gb(self):
        with mock.patch.object(t5_export, "ONNX_MAX_BYTES", 1000), \
                self.assertRaisesRegex(t5_export.ExportError, "encoder has .* external data"):
            t5_export.save_onnx_encoder(self.encoder, self.encode, self.out)
        with mock.patch.object(t5_export, "ONNX_MAX_BYTES", 1000), \
                self.assertRaisesRegex(t5_export.ExportError, "decoder has .* external data"):
            t5_export.save_onnx_decoder(self.encoder, self.decoder_step, self.encode, self.out,
                                        START)

    def test_int8_section_reads_one_text_per_call(self):
        out = tempfile.mkdtemp(prefix="t5-int8-spec-test-")
        self.addCleanup(shutil.rmtree, out)
        for name in (t5_export.TOKENIZER_JSON, t5_export.ENCODER_PT, t5_export.DECODER_STEP_PT,
                     t5_export.ENCODER_ONNX):
            shutil.copy(os.path.join(self.out, name), out)
        shutil.copy(os.path.join(self.out, t5_export.ENCODER_ONNX),
                    os.path.join(out, t5_export.ENCODER_INT8_ONNX))  # stands in: specs only
        specs = t5_export.write_specs(out, self.model.config, 128, True, t5_export.YES_PIECES,
                                      t5_export.NO_PIECES, with_int8=True)
        self.assertIn("encoder-onnx-int8.json", specs)
        with open(os.path.join(out, "encoder-onnx-int8.json"), encoding="utf-8") as f:
            spec = json.load(f)
        self.assertEqual((spec["engine"], spec["model"]["source"], spec["maxBatch"]),
                         ("OnnxRuntime", t5_export.ENCODER_INT8_ONNX, 1))

    def test_pooled_vector_ignores_padding(self):
        ids, mask = self.encode(["a b c"])
        padded_ids, padded_mask = self.encode(["a b c", "a b c d e f g h"])
        alone = t5_export.pooled(self.encoder(ids, mask), mask)
        padded = t5_export.pooled(self.encoder(padded_ids, padded_mask), padded_mask)[0:1]
        self.assertLess((alone - padded).abs().max().item(), 1e-5)
        self.assertAlmostEqual(float(alone.norm()), 1.0, places=5)

    def test_int8_needs_the_onnx_export(self):
        with self.assertRaises(SystemExit):
            export_flan_t5.parse_args(["google/flan-t5-small", "--out", self.out, "--int8"])

    @unittest.skipUnless(has_onnxruntime(), "onnxruntime is not installed")
    def test_int8_encoder_reads_texts_close_to_eager(self):
        t5_export.save_int8_encoder(self.out)
        cosine = t5_export.check_int8(self.out, self.encoder,
                                      t5_export.check_batches(self.encode, ["hello", "a b c"]))
        self.assertGreaterEqual(cosine, t5_export.INT8_MIN_COSINE)

    @unittest.skipUnless(has_onnxruntime(), "onnxruntime is not installed; the Java "
                                            "T5EncoderTest checks encoder.onnx instead")
    def test_onnx_matches_eager(self):
        diff = t5_export.check_onnx(self.out, self.encoder,
                                    t5_export.check_batches(self.encode, ["hello", "a b c"]))
        self.assertLessEqual(diff, t5_export.TOLERANCE)


class FakeTokenizer:
    """The part of a transformers fast tokenizer that export_flan_t5.py uses."""
    unk_token_id = 2
    all_special_ids = [0, 1, 2]

    def __init__(self, tok, vocab):
        self.tok = tok
        self.backend_tokenizer = types.SimpleNamespace(save=lambda path: self.save(path, vocab))

    @staticmethod
    def save(path, vocab):
        with open(path, "w", encoding="utf-8") as f:
            json.dump(make_fixtures.tokenizer_json(vocab), f)

    def __call__(self, texts, padding, return_tensors):
        ids, mask = make_fixtures.pad_batch([self.tok.encode(t) for t in texts])
        return {"input_ids": ids, "attention_mask": mask}

    def convert_tokens_to_ids(self, piece):
        return self.tok.ids.get(piece, self.unk_token_id)


class ExportScriptTest(unittest.TestCase):
    """export_flan_t5.py end to end, with a stand-in `transformers` serving the tiny model:
    proves the script's own steps, not transformers' T5."""

    def test_export_writes_checked_files_and_sections(self):
        model, tok, vocab, _ = make_fixtures.build_model()
        loads = []

        def from_pretrained(result):
            return lambda model_id, **kwargs: loads.append((model_id, kwargs)) or result

        fake = types.ModuleType("transformers")
        fake.T5ForConditionalGeneration = types.SimpleNamespace(
            from_pretrained=from_pretrained(model))
        fake.AutoTokenizer = types.SimpleNamespace(
            from_pretrained=from_pretrained(FakeTokenizer(tok, vocab)))
        out = tempfile.mkdtemp(prefix="flan-t5-export-test-")
        self.addCleanup(shutil.rmtree, out)
        with mock.patch.dict(sys.modules, {"transformers": fake}):
            export_flan_t5.main(["google/flan-t5-small", "--out", out, "--max-tokens", "128",
                                 "--revision", "abc123"])

        self.assertEqual([m for m, _ in loads], ["google/flan-t5-small"] * 2)
        self.assertEqual(loads[0][1]["use_cache"], False)
        self.assertEqual(loads[0][1]["revision"], "abc123")
        with open(os.path.join(out, "export.json"), encoding="utf-8") as f:
            export = json.load(f)
        self.assertEqual(sorted(os.listdir(out)), sorted(
            ["export.json", "tokenizer.json", "encoder.pt", "decoder_step.pt",
             "encoder-pytorch.json", "zero-shot.json"]))
        self.assertEqual(export["sections"], ["encoder-pytorch.json", "zero-shot.json"])
        self.assertEqual(export["revision"], "abc123")
        self.assertEqual(list(export["maxAbsDiff"]), ["encoder", "decoderStep", "fullModel"])
        self.assertLessEqual(max(export["maxAbsDiff"].values()), t5_export.TOLERANCE)
        examples = export["zeroShot"]["examples"]
        self.assertEqual([e["text"] for e in examples][0], t5_export.SOURCE_EXAMPLE)
        self.assertAlmostEqual(examples[0]["unknownRatio"], 5 / 12)
        self.assertTrue(all(0.0 < e["pYes"] < 1.0 for e in examples))
        for name, entry in export["files"].items():
            self.assertEqual(entry, t5_export.model_file(out, name))


if __name__ == "__main__":
    unittest.main(verbosity=2)
