"""PyTorch side of the ONNX parity test (test/unit/mwp-parity.test.ts).

Rebuilds the PyTorch model from the exported ONNX initializers, runs it on the token ids given as
JSON on stdin ({"src": [[...], ...], "tgt": [[...], ...]}, one target row per source row, padded
with 0) and prints {"logprobs": [[...], ...]} in the ONNX decoder's layout.
"""
import json
import os
import sys

import torch

from model import Encoder, Seq2Seq, StepDecoder, in_of_out_table

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from onnx_fp16 import load_weights  # noqa: E402  (training/, one level up)


def main():
    model_dir = sys.argv[1]
    meta = json.load(open(os.path.join(model_dir, "mwp.json"), encoding="utf-8"))
    model = Seq2Seq(len(meta["src_vocab"]), len(meta["in_vocab"]), len(meta["out_vocab"]), dropout=0.0, **meta["config"])
    load_weights(model, [os.path.join(model_dir, name) for name in ("encoder.onnx", "decoder.onnx")], "model.")
    req = json.load(sys.stdin)
    vocab = {"in": meta["in_vocab"], "out": meta["out_vocab"], "out_op": meta["out_op"]}
    with torch.no_grad():
        src = torch.tensor(req["src"])
        logp = StepDecoder(model, in_of_out_table(vocab))(torch.tensor(req["tgt"]), Encoder(model)(src), src)
    json.dump({"logprobs": logp.tolist()}, sys.stdout)


if __name__ == "__main__":
    main()
