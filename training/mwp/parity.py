"""PyTorch side of the ONNX parity test (test/unit/mwp-parity.test.ts).

Rebuilds the PyTorch model from the exported ONNX initializers, runs it on the token ids given as
JSON on stdin ({"src": [[...], ...], "tgt": [[...], ...]}, one target row per source row, padded
with 0) and prints {"logprobs": [[...], ...]} in the ONNX decoder's layout.
"""
import json
import os
import sys

import onnx
import torch
from onnx import numpy_helper

from model import Encoder, Seq2Seq, StepDecoder, in_of_out_table


def main():
    model_dir = sys.argv[1]
    meta = json.load(open(os.path.join(model_dir, "mwp.json"), encoding="utf-8"))
    model = Seq2Seq(len(meta["src_vocab"]), len(meta["in_vocab"]), len(meta["out_vocab"]), dropout=0.0, **meta["config"])
    state = {}
    for name in ("encoder.onnx", "decoder.onnx"):
        for init in onnx.load(os.path.join(model_dir, name)).graph.initializer:
            if init.name.startswith("model."):
                # training/onnx_fp16.py stores weights as NAME.fp16; PyTorch gets the same rounded values.
                key = init.name[len("model."):].removesuffix(".fp16")
                state[key] = torch.from_numpy(numpy_helper.to_array(init).astype("float32"))
    missing = set(model.state_dict()) - set(state)
    if missing:
        sys.exit("ONNX initializers lack %s" % sorted(missing)[:5])
    model.load_state_dict(state)
    model.eval()
    req = json.load(sys.stdin)
    vocab = {"in": meta["in_vocab"], "out": meta["out_vocab"], "out_op": meta["out_op"]}
    with torch.no_grad():
        src = torch.tensor(req["src"])
        logp = StepDecoder(model, in_of_out_table(vocab))(torch.tensor(req["tgt"]), Encoder(model)(src), src)
    json.dump({"logprobs": logp.tolist()}, sys.stdout)


if __name__ == "__main__":
    main()
