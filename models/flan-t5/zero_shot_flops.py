#!/usr/bin/python3
"""What one zero-shot reading costs per text, computed from a T5 v1.1 / Flan-T5 configuration.

Zero-shot = the encoder over the whole prompt (L tokens) and ONE decoder step from the start
token, with the lm_head over the full vocabulary (see ZeroShotOpportunity). Counted: every matrix
product, 2 FLOPs per multiply-add; not counted: layer norms, softmax, GELU, the relative position
bias, embedding look-ups (all linear in L and small beside the products).

  encoder, per layer:  projections q, k, v, o   2 L 4 d (h dk)
                       scores and weighted sum  2 * 2 L^2 (h dk)
                       gated-GELU feed-forward  2 L 3 d dff
  decoder, per layer:  cross-attention k, v of the L encoder states  2 L 2 d (h dk)
                       scores and weighted sum over L                2 * 2 L (h dk)
                       one token's self-attention q, k, v, o, cross-attention q, o and
                       feed-forward: 2 (6 d (h dk) + 3 d dff)
  lm_head:             2 d vocab

The products over L rows run at a GEMM rate, those of the single decoder token are matrix-vector
products, bound by reading the weights from memory: each part is timed with its own measured rate
(GemmBenchmark's M = 64 or 256 and M = 1 shapes).

  /usr/bin/python3 models/flan-t5/zero_shot_flops.py --gemm 64=G64 --gemm 256=G256 --gemv G1
prints a Markdown table (rates in GFLOP/s, one engine thread).
"""

import argparse

# published configurations (T5 v1.1 architecture, untied lm_head, vocabulary of 32,128)
CONFIGS = {
    "flan-t5-small": dict(d=512, h=6, dk=64, dff=1024, enc=8, dec=8, vocab=32128),
    "flan-t5-base": dict(d=768, h=12, dk=64, dff=2048, enc=12, dec=12, vocab=32128),
    "flan-t5-large": dict(d=1024, h=16, dk=64, dff=2816, enc=24, dec=24, vocab=32128),
    # models/serving/src/test/resources/t5-tiny (reference.json's config)
    "t5-tiny fixture": dict(d=32, h=4, dk=8, dff=64, enc=2, dec=2, vocab=301),
}


def flops(c, tokens):
    """(FLOPs of the products over the L prompt rows, FLOPs of the single-token products)."""
    inner = c["h"] * c["dk"]
    encoder = c["enc"] * (
        2 * tokens * 4 * c["d"] * inner + 4 * tokens * tokens * inner + 2 * tokens * 3 * c["d"] * c["dff"]
    )
    cross = c["dec"] * (2 * tokens * 2 * c["d"] * inner + 4 * tokens * inner)
    one_token = c["dec"] * 2 * (6 * c["d"] * inner + 3 * c["d"] * c["dff"]) + 2 * c["d"] * c["vocab"]
    return encoder + cross, one_token


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gemm", action="append", required=True, metavar="TOKENS=GFLOPS",
                        help="GEMM rate measured with M = TOKENS rows, e.g. 64=80.5 (repeatable)")
    parser.add_argument("--gemv", type=float, required=True, metavar="GFLOPS",
                        help="matrix-vector rate (GemmBenchmark's M = 1 shape)")
    args = parser.parse_args()
    gemm = {int(k): float(v) for k, v in (pair.split("=") for pair in args.gemm)}
    print("| model | prompt tokens | GFLOP over the prompt | GFLOP of the one decoder token | computed ms per text |"
          " computed texts/s, one thread |")
    print("|---|---|---|---|---|---|")
    for name, c in CONFIGS.items():
        for tokens, rate in sorted(gemm.items()):
            rows, single = flops(c, tokens)
            ms = 1e3 * (rows / (rate * 1e9) + single / (args.gemv * 1e9))
            print(f"| {name} | {tokens} | {rows / 1e9:.3f} | {single / 1e9:.4f} | {ms:.2f} | {1e3 / ms:,.1f} |")


if __name__ == "__main__":
    main()
