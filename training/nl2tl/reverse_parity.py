"""PyTorch side of the channel model's ONNX parity test (test/unit/nl2tl-reverse-parity.test.ts).

Rebuilds the PyTorch model from reverse.onnx's own initializers, scores the id rows given as JSON on
stdin ({"src": [[...]], "tgt": [[...]]}, 0-padded) and prints {"score": [...]}.
"""
import json
import os
import sys

import torch

from model import Seq2Seq
from reverse import Scorer

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from onnx_fp16 import load_weights  # noqa: E402  (training/, one level up)


def main():
    model_dir = sys.argv[1]
    meta = json.load(open(os.path.join(model_dir, "reverse.json"), encoding="utf-8"))
    model = Seq2Seq(len(meta["src_vocab"]), len(meta["tgt_vocab"]), dropout=0.0, **meta["config"])
    load_weights(model, [os.path.join(model_dir, "reverse.onnx")], "m.")
    req = json.load(sys.stdin)
    with torch.no_grad():
        score = Scorer(model)(torch.tensor(req["src"]), torch.tensor(req["tgt"]))
    json.dump({"score": score.tolist()}, sys.stdout)


if __name__ == "__main__":
    main()
