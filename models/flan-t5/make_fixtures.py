#!/usr/bin/python3
"""Builds the tiny T5-shaped test fixtures under models/serving/src/test/resources/t5-tiny/.

The model has the structure of T5 v1.1 / Flan-T5 (shared embedding, encoder and decoder blocks
with relative-attention-bias in the first block, RMS layer norm without mean subtraction, no
attention score scaling, gated-GELU feed-forward, untied lm_head) but random weights and tiny
sizes, so Java tests can exercise the real loading, tokenizing, pooling and zero-shot paths
without the real Flan-T5 weights. It is shaped like transformers' T5ForConditionalGeneration
(config, encoder, decoder, lm_head), so the model files and manifest sections are written by
t5_export, the same code export_flan_t5.py runs on the real checkpoints.

Outputs (no `transformers` or `tokenizers` packages needed):
  tokenizer.json        T5-style Unigram tokenizer (HF tokenizers JSON), <pad>=0 </s>=1 <unk>=2
  encoder.pt            TorchScript: (input_ids, attention_mask) -> last_hidden_state
  encoder.onnx          ONNX of the same encoder
  decoder_model.onnx    ONNX of the decoder step in the transformers.js layout (Xenova's names):
                        (encoder_attention_mask, input_ids, encoder_hidden_states) -> logits
  decoder_step.pt       TorchScript: (decoder_input_ids, encoder_hidden_states,
                        encoder_attention_mask) -> logits (batch, decoder_len, vocab)
  encoder-pytorch.json, encoder-onnx.json, zero-shot.json, zero-shot-onnx.json
                        manifest sections for these files (sizes, SHA-256)
  reference.json        token ids, mean-pooled L2-normalized embeddings and zero-shot
                        p(opportunity) computed here in Python, for the Java tests to match

Run with Debian's torch (apt-get install python3-torch), from the repository root:
  /usr/bin/python3 models/flan-t5/make_fixtures.py [output-dir]
It is deterministic: the same torch version writes the same weights and reference values.
"""

import json
import math
import os
import sys
import unicodedata
from types import SimpleNamespace

import torch
from torch import nn

import t5_export

SEED = 20240611
CONFIG = dict(
    d_model=32,
    d_kv=8,
    num_heads=4,
    d_ff=64,
    num_layers=2,
    num_decoder_layers=2,
    relative_attention_num_buckets=32,
    relative_attention_max_distance=128,
    layer_norm_epsilon=1e-6,
    feed_forward_proj="gated-gelu",
    pad_token_id=0,
    eos_token_id=1,
    unk_token_id=2,
    decoder_start_token_id=0,
)

SPIECE = "\u2581"  # the metaspace "▁"

# ---------------------------------------------------------------------------------------------
# Tokenizer: a T5-style Unigram vocabulary, written as a Hugging Face tokenizer.json
# ---------------------------------------------------------------------------------------------

WORDS = """yes no Yes No the a an to of and in for is are we our you your this that it on with
as at be by from or not can will would like want need needs please send quote price pricing
demo budget buy purchase order contract sign signed approved approval team company customer
lead sales deal meeting call next week month year license licenses seats users product
products service trial interested interest opportunity business answer question about
student thesis football club unsubscribe spam hello thanks thank question renewal
procurement quantity delivery time discuss further cooperation intention preliminary
ABC XYZ Is Answer Lead Please We I i me my has have had do does did more info information
information support enterprise plan""".split()
SUBWORDS = """yes no Yes No s es ed ing er ly ion tion ment able al ity""".split()
CHARS = list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,:;?!'\"-()/&%$@#+=*")


def build_vocab():
    """Returns [(piece, score)]: ids are list positions. Scores are distinct log-probabilities,
    so the Viterbi segmentation never has ties (the Rust and Python segmentations must agree)."""
    vocab = [("<pad>", 0.0), ("</s>", 0.0), ("<unk>", 0.0)]
    seen = {p for p, _ in vocab}

    def add(piece, score):
        if piece not in seen:
            seen.add(piece)
            vocab.append((piece, score))

    for i, w in enumerate(WORDS):
        add(SPIECE + w, -4.0 - 0.013 * i)
    for i, w in enumerate(SUBWORDS):
        add(w, -7.0 - 0.017 * i)
    add(SPIECE, -8.0)
    for i, c in enumerate(CHARS):
        add(SPIECE + c, -9.0 - 0.011 * i)
    for i, c in enumerate(CHARS):
        add(c, -10.0 - 0.007 * i)
    return vocab


def tokenizer_json(vocab):
    added = [
        dict(id=i, content=p, single_word=False, lstrip=False, rstrip=False, normalized=False,
             special=True)
        for i, p in enumerate(["<pad>", "</s>", "<unk>"])
    ]
    metaspace = {"type": "Metaspace", "replacement": SPIECE, "prepend_scheme": "always",
                 "split": True}
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": added,
        "normalizer": {"type": "NFKC"},
        "pre_tokenizer": {"type": "Sequence",
                          "pretokenizers": [{"type": "WhitespaceSplit"}, metaspace]},
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [{"Sequence": {"id": "A", "type_id": 0}},
                       {"SpecialToken": {"id": "</s>", "type_id": 0}}],
            "pair": [{"Sequence": {"id": "A", "type_id": 0}},
                     {"SpecialToken": {"id": "</s>", "type_id": 0}},
                     {"Sequence": {"id": "B", "type_id": 0}},
                     {"SpecialToken": {"id": "</s>", "type_id": 0}}],
            "special_tokens": {"</s>": {"id": "</s>", "ids": [1], "tokens": ["</s>"]}},
        },
        "decoder": metaspace,
        "model": {"type": "Unigram", "unk_id": 2, "vocab": [[p, s] for p, s in vocab],
                  "byte_fallback": False},
    }


class PyUnigram:
    """The reference segmentation: NFKC, whitespace split, "▁" prefix, Viterbi over piece
    scores, then </s>. Unknown characters become <unk> with the tokenizers crate's penalty
    (min score - 10), and consecutive unknowns fuse into one <unk>, as the crate does."""

    def __init__(self, vocab):
        self.ids = {p: i for i, (p, _) in enumerate(vocab)}
        self.scores = {p: s for p, s in vocab[3:]}
        self.max_len = max(len(p) for p in self.scores)
        self.unk_score = min(self.scores.values()) - 10.0

    def encode_word(self, word):
        n = len(word)
        best = [(-math.inf, None, None)] * (n + 1)  # (score, start, piece-or-None-for-unk)
        best[0] = (0.0, None, None)
        for end in range(1, n + 1):
            cand = []
            for start in range(max(0, end - self.max_len), end):
                piece = word[start:end]
                if piece in self.scores and best[start][0] > -math.inf:
                    cand.append((best[start][0] + self.scores[piece], start, piece))
            if not cand and best[end - 1][0] > -math.inf:
                cand.append((best[end - 1][0] + self.unk_score, end - 1, None))
            if cand:
                best[end] = max(cand, key=lambda c: c[0])
        out = []
        end = n
        while end > 0:
            _, start, piece = best[end]
            out.append(self.ids[piece] if piece is not None else CONFIG["unk_token_id"])
            end = start
        out.reverse()
        fused = []
        for t in out:
            if t == CONFIG["unk_token_id"] and fused and fused[-1] == t:
                continue
            fused.append(t)
        return fused

    def encode(self, text):
        ids = []
        for word in unicodedata.normalize("NFKC", text).split():
            ids.extend(self.encode_word(SPIECE + word))
        return ids + [CONFIG["eos_token_id"]]


# ---------------------------------------------------------------------------------------------
# Model: T5 v1.1 / Flan-T5 structure, written out in torch (transformers is not installed here)
# ---------------------------------------------------------------------------------------------

NEG = torch.finfo(torch.float32).min


class RMSNorm(nn.Module):  # T5LayerNorm: no mean subtraction, no bias
    def __init__(self, d, eps):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(d))
        self.eps = eps

    def forward(self, x):
        var = x.pow(2).mean(-1, keepdim=True)
        return self.weight * (x * torch.rsqrt(var + self.eps))


def gelu_new(x):
    return 0.5 * x * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * x.pow(3))))


def relative_position_bucket(rel, bidirectional, num_buckets, max_distance):
    buckets = torch.zeros_like(rel)
    if bidirectional:
        num_buckets //= 2
        buckets = buckets + (rel > 0).to(torch.long) * num_buckets
        rel = torch.abs(rel)
    else:
        rel = -torch.min(rel, torch.zeros_like(rel))
    max_exact = num_buckets // 2
    is_small = rel < max_exact
    large = max_exact + (torch.log(rel.float().clamp(min=1) / max_exact)
                         / math.log(max_distance / max_exact)
                         * (num_buckets - max_exact)).to(torch.long)
    large = torch.min(large, torch.full_like(large, num_buckets - 1))
    return buckets + torch.where(is_small, rel, large)


class Attention(nn.Module):
    def __init__(self, c, has_bias, bidirectional):
        super().__init__()
        inner = c["num_heads"] * c["d_kv"]
        self.h, self.dk = c["num_heads"], c["d_kv"]
        self.q = nn.Linear(c["d_model"], inner, bias=False)
        self.k = nn.Linear(c["d_model"], inner, bias=False)
        self.v = nn.Linear(c["d_model"], inner, bias=False)
        self.o = nn.Linear(inner, c["d_model"], bias=False)
        self.bidirectional = bidirectional
        self.nb = c["relative_attention_num_buckets"]
        self.md = c["relative_attention_max_distance"]
        self.relative_attention_bias = nn.Embedding(self.nb, self.h) if has_bias else None

    def compute_bias(self, q_len, k_len, device):
        ctx = torch.arange(q_len, dtype=torch.long, device=device)[:, None]
        mem = torch.arange(k_len, dtype=torch.long, device=device)[None, :]
        buckets = relative_position_bucket(mem - ctx, self.bidirectional, self.nb, self.md)
        return self.relative_attention_bias(buckets).permute(2, 0, 1).unsqueeze(0)

    def shape(self, x):
        return x.view(x.size(0), -1, self.h, self.dk).transpose(1, 2)

    def forward(self, x, kv, position_bias):
        q, k, v = self.shape(self.q(x)), self.shape(self.k(kv)), self.shape(self.v(kv))
        scores = torch.matmul(q, k.transpose(2, 3)) + position_bias  # T5: no 1/sqrt(d) scaling
        w = torch.softmax(scores.float(), dim=-1).type_as(scores)
        out = torch.matmul(w, v).transpose(1, 2).contiguous().view(x.size(0), -1, self.h * self.dk)
        return self.o(out)


class GatedFF(nn.Module):  # T5DenseGatedActDense + T5LayerFF
    def __init__(self, c):
        super().__init__()
        self.wi_0 = nn.Linear(c["d_model"], c["d_ff"], bias=False)
        self.wi_1 = nn.Linear(c["d_model"], c["d_ff"], bias=False)
        self.wo = nn.Linear(c["d_ff"], c["d_model"], bias=False)
        self.layer_norm = RMSNorm(c["d_model"], c["layer_norm_epsilon"])

    def forward(self, x):
        h = self.layer_norm(x)
        return x + self.wo(gelu_new(self.wi_0(h)) * self.wi_1(h))


class Block(nn.Module):
    def __init__(self, c, has_bias, is_decoder):
        super().__init__()
        self.self_norm = RMSNorm(c["d_model"], c["layer_norm_epsilon"])
        self.self_attn = Attention(c, has_bias, bidirectional=not is_decoder)
        self.is_decoder = is_decoder
        if is_decoder:
            self.cross_norm = RMSNorm(c["d_model"], c["layer_norm_epsilon"])
            self.cross_attn = Attention(c, False, bidirectional=True)
        self.ff = GatedFF(c)

    def forward(self, x, self_bias, enc=None, cross_bias=None):
        h = self.self_norm(x)
        x = x + self.self_attn(h, h, self_bias)
        if self.is_decoder:
            h = self.cross_norm(x)
            x = x + self.cross_attn(h, enc, cross_bias)
        return self.ff(x)


def additive_mask(mask):
    """1/0 mask -> 0 for attended positions, float min for the others."""
    return (1.0 - mask.to(torch.float32)) * NEG


class Stack(nn.Module):
    """T5Stack: shared embedding, blocks, final RMS norm. Called with keyword arguments and
    returning a tuple whose first element is the last hidden state, as transformers' T5Stack is,
    so that t5_export wraps this model and T5ForConditionalGeneration alike. No cache."""

    def __init__(self, c, shared, is_decoder):
        super().__init__()
        self.shared = shared
        self.is_decoder = is_decoder
        layers = c["num_decoder_layers"] if is_decoder else c["num_layers"]
        self.blocks = nn.ModuleList([Block(c, i == 0, is_decoder) for i in range(layers)])
        self.final_norm = RMSNorm(c["d_model"], c["layer_norm_epsilon"])

    def forward(self, input_ids, attention_mask, encoder_hidden_states=None,
                encoder_attention_mask=None):
        x = self.shared(input_ids)
        n = input_ids.size(1)
        mask = attention_mask[:, None, None, :]
        if self.is_decoder:
            mask = mask * torch.ones(n, n, dtype=mask.dtype, device=x.device).tril()
        bias = self.blocks[0].self_attn.compute_bias(n, n, x.device) + additive_mask(mask)
        cross = None
        if self.is_decoder:
            cross = additive_mask(encoder_attention_mask[:, None, None, :])
        for block in self.blocks:
            x = block(x, bias, encoder_hidden_states, cross)
        return (self.final_norm(x),)


class T5Tiny(nn.Module):
    """Shaped like T5ForConditionalGeneration: config, encoder, decoder, untied lm_head."""

    def __init__(self, c, vocab_size):
        super().__init__()
        self.config = SimpleNamespace(**c, vocab_size=vocab_size, tie_word_embeddings=False)
        self.shared = nn.Embedding(vocab_size, c["d_model"])
        self.encoder = Stack(c, self.shared, is_decoder=False)
        self.decoder = Stack(c, self.shared, is_decoder=True)
        self.lm_head = nn.Linear(c["d_model"], vocab_size, bias=False)

    def forward(self, input_ids, attention_mask, decoder_input_ids):
        """(logits,) of one decoder pass, as T5ForConditionalGeneration returns with
        torchscript=True."""
        hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask)[0]
        out = self.decoder(input_ids=decoder_input_ids,
                           attention_mask=torch.ones_like(decoder_input_ids),
                           encoder_hidden_states=hidden, encoder_attention_mask=attention_mask)[0]
        return (self.lm_head(out),)


def init_weights(model):
    g = torch.Generator().manual_seed(SEED)
    with torch.no_grad():
        for name, p in sorted(model.named_parameters()):
            if "norm" in name:
                p.copy_(1.0 + 0.1 * torch.randn(p.shape, generator=g))
            elif "relative_attention_bias" in name:
                p.copy_(0.5 * torch.randn(p.shape, generator=g))
            elif name == "shared.weight":
                p.copy_(1.0 * torch.randn(p.shape, generator=g))
            else:
                p.copy_(torch.randn(p.shape, generator=g) / math.sqrt(p.shape[-1]))


# ---------------------------------------------------------------------------------------------
# Reference values
# ---------------------------------------------------------------------------------------------

EMBED_TEXTS = [
    "Please send a quote for 40 seats.",
    "We met at the trade show and want a demo of the enterprise plan next week, budget approved.",
    "I am a student writing a thesis about football clubs.",
    "hello",
]
TOKEN_TEXTS = EMBED_TEXTS + [
    "  Yes, yes!  No; no?  ",
    "Customer ABC company intends to purchase our XYZ products (qty: 500).",
]
ZERO_SHOT_TEXTS = [t5_export.HOT_EXAMPLE, t5_export.JUNK_EXAMPLE]
MAX_TOKENS = 512


def pad_batch(rows):
    n = max(len(r) for r in rows)
    ids = torch.tensor([r + [0] * (n - len(r)) for r in rows], dtype=torch.long)
    mask = torch.tensor([[1] * len(r) + [0] * (n - len(r)) for r in rows], dtype=torch.long)
    return ids, mask


def mean_pool_normalized(hidden, mask):
    m = mask.unsqueeze(-1).to(hidden.dtype)
    v = (hidden * m).sum(1) / m.sum(1).clamp(min=1)
    return v / v.norm(dim=-1, keepdim=True).clamp(min=1e-12)


def build_model():
    """The tiny model with its fixed weights, its tokenizer and vocabulary, and an
    encode(texts) -> (input_ids, attention_mask) padded batch."""
    vocab = build_vocab()
    tok = PyUnigram(vocab)
    model = T5Tiny(CONFIG, len(vocab)).eval()
    init_weights(model)
    return model, tok, vocab, lambda texts: pad_batch([tok.encode(t) for t in texts])


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "serving", "src", "test", "resources",
        "t5-tiny")
    os.makedirs(out, exist_ok=True)
    torch.manual_seed(SEED)
    model, tok, vocab, encode = build_model()
    with open(os.path.join(out, t5_export.TOKENIZER_JSON), "w", encoding="utf-8") as f:
        json.dump(tokenizer_json(vocab), f, ensure_ascii=False, indent=1)

    encoder, decoder_step = t5_export.save_torchscript(model, encode, out)
    t5_export.save_onnx_encoder(encoder, encode, out)
    start_id = CONFIG["decoder_start_token_id"]
    t5_export.save_onnx_decoder(encoder, decoder_step, encode, out, start_id)
    diffs = t5_export.check_torchscript(
        out, encoder, decoder_step, t5_export.check_batches(encode, EMBED_TEXTS), start_id)

    with torch.no_grad():
        vectors = []
        for text in EMBED_TEXTS:
            ids, mask = encode([text])
            vectors.append(mean_pool_normalized(encoder(ids, mask), mask)[0].tolist())
        # the same texts in one padded batch give the same vectors
        ids, mask = encode(EMBED_TEXTS)
        batched = mean_pool_normalized(encoder(ids, mask), mask)
        assert torch.allclose(batched, torch.tensor(vectors), atol=1e-5), "padding leaks"

    yes_ids = [tok.ids[p] for p in t5_export.YES_PIECES]
    no_ids = [tok.ids[p] for p in t5_export.NO_PIECES]
    word_start = ([tok.ids[p] for p in t5_export.WORD_START_YES_PIECES],
                  [tok.ids[p] for p in t5_export.WORD_START_NO_PIECES])
    cases = []
    for text in ZERO_SHOT_TEXTS:
        prompt = t5_export.PROMPT_TEMPLATE.format(text=text)
        ids, mask = encode([prompt])
        p = t5_export.p_yes(encoder, decoder_step, ids, mask, start_id, yes_ids, no_ids)[0]
        p_word_start = t5_export.p_yes(encoder, decoder_step, ids, mask, start_id,
                                       *word_start)[0]
        cases.append({"text": text, "prompt": prompt, "input_ids": ids[0].tolist(), "p_yes": p,
                      "p_yes_word_start_answers": p_word_start})

    t5_export.write_json(os.path.join(out, "reference.json"), {
        "generated_by": "models/flan-t5/make_fixtures.py",
        "torch_version": torch.__version__,
        "onnx": "encoder.onnx and decoder_model.onnx written (opset %d)" % t5_export.ONNX_OPSET,
        "config": dict(CONFIG, vocab_size=len(vocab)),
        "tokenizer": {
            "texts": TOKEN_TEXTS,
            "ids": [tok.encode(t) for t in TOKEN_TEXTS],
            "chinese_text": t5_export.SOURCE_EXAMPLE,
            "chinese_ids": tok.encode(t5_export.SOURCE_EXAMPLE),
        },
        "embeddings": {"pooling": "mean", "normalized": True, "texts": EMBED_TEXTS,
                       "vectors": vectors},
        "zero_shot": {"template": t5_export.PROMPT_TEMPLATE, "yes_pieces": t5_export.YES_PIECES,
                      "no_pieces": t5_export.NO_PIECES, "yes_ids": yes_ids, "no_ids": no_ids,
                      "word_start_yes_pieces": t5_export.WORD_START_YES_PIECES,
                      "word_start_no_pieces": t5_export.WORD_START_NO_PIECES,
                      "decoder_start_token_id": start_id, "cases": cases},
    })
    t5_export.write_specs(out, model.config, MAX_TOKENS, True,
                          t5_export.YES_PIECES, t5_export.NO_PIECES, onnx_decoder=True)

    total = 0
    for name in sorted(os.listdir(out)):
        size = os.path.getsize(os.path.join(out, name))
        total += size
        print("%-20s %9d bytes" % (name, size))
    print("%-20s %9d bytes" % ("total", total))
    print("TorchScript vs eager, max abs diff: encoder %.3g, decoder step %.3g"
          % (diffs["encoder"], diffs["decoderStep"]))
    for c in cases:
        print("p_yes=%.6f  %s" % (c["p_yes"], c["text"]))


if __name__ == "__main__":
    main()
