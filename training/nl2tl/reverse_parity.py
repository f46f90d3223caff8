"""PyTorch side of the channel model's ONNX parity test (test/unit/nl2tl-reverse-parity.test.ts).

Rebuilds the PyTorch model from reverse.onnx's own initializers, scores the id rows given as JSON on
stdin ({"src": [[...]], "tgt": [[...]]}, 0-padded) and prints {"score": [...]}.
"""
import json
import os
import sys

import onnx
import torch
from onnx import numpy_helper

from model import Seq2Seq
from reverse import Scorer


def main():
    model_dir = sys.argv[1]
    meta = json.load(open(os.path.join(model_dir, "reverse.json"), encoding="utf-8"))
    model = Seq2Seq(len(meta["src_vocab"]), len(meta["tgt_vocab"]), dropout=0.0, **meta["config"])
    # training/onnx_fp16.py stores weights as NAME.fp16; PyTorch gets the same rounded values.
    state = {init.name[len("m."):].removesuffix(".fp16"): torch.from_numpy(numpy_helper.to_array(init).astype("float32"))
             for init in onnx.load(os.path.join(model_dir, "reverse.onnx")).graph.initializer if init.name.startswith("m.")}
    missing = set(model.state_dict()) - set(state)
    if missing:
        sys.exit("reverse.onnx lacks %s" % sorted(missing)[:5])
    model.load_state_dict(state)
    model.eval()
    req = json.load(sys.stdin)
    with torch.no_grad():
        score = Scorer(model)(torch.tensor(req["src"]), torch.tensor(req["tgt"]))
    json.dump({"score": score.tolist()}, sys.stdout)


if __name__ == "__main__":
    main()
