"""Exports a trained checkpoint to models/nl2tl: encoder.onnx, decoder.onnx, vocab.json, the fp16
checkpoint (for the PyTorch/onnxruntime parity test) and meta.json.

Usage: /usr/bin/python3 training/nl2tl/export.py --run training/work/nl2tl/run1 --out models/nl2tl
"""
import argparse
import json
import os
import shutil

import torch

from model import Seq2Seq


class Encoder(torch.nn.Module):
    def __init__(self, m):
        super().__init__()
        self.m = m

    def forward(self, src):
        return self.m.encode(src)


class Decoder(torch.nn.Module):
    """Returns log-probabilities for the last position only: the runtime needs nothing else."""

    def __init__(self, m):
        super().__init__()
        self.m = m

    def forward(self, tgt, memory, src):
        return self.m.decode(tgt, memory, src)[:, -1].log_softmax(-1)


def build(ckpt):
    cfg = dict(ckpt["config"])
    model = Seq2Seq(cfg.pop("src_vocab"), cfg.pop("tgt_vocab"), dropout=0.0, **cfg)
    model.load_state_dict({k: v.float() for k, v in ckpt["state"].items()})
    model.eval()
    return model


def load(path):
    return build(torch.load(path))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--run", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--meta", default="{}", help="JSON merged into meta.json (metrics, command)")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    model = load(os.path.join(args.run, "model.pt"))
    src = torch.tensor([[12, 13, 2, 14, 3]])
    tgt = torch.tensor([[1, 3]])
    with torch.no_grad():
        memory = model.encode(src)
        torch.onnx.export(Encoder(model), (src,), os.path.join(args.out, "encoder.onnx"),
                          input_names=["src"], output_names=["memory"],
                          dynamic_axes={"src": {0: "batch", 1: "src_len"}, "memory": {0: "batch", 1: "src_len"}},
                          opset_version=14)
        torch.onnx.export(Decoder(model), (tgt, memory, src), os.path.join(args.out, "decoder.onnx"),
                          input_names=["tgt", "memory", "src"], output_names=["logprobs"],
                          dynamic_axes={"tgt": {0: "batch", 1: "tgt_len"}, "memory": {0: "batch", 1: "src_len"},
                                        "src": {0: "batch", 1: "src_len"}, "logprobs": {0: "batch"}},
                          opset_version=14)
    shutil.copy(os.path.join(args.run, "model.pt"), os.path.join(args.out, "model.pt"))
    shutil.copy(os.path.join(args.run, "vocab.json"), os.path.join(args.out, "vocab.json"))
    meta = {"kind": "nl2tl-seq2seq", "config": model.config, "max_target": 48}
    meta.update(json.loads(args.meta))
    json.dump(meta, open(os.path.join(args.out, "meta.json"), "w"), indent=1)
    print("exported", sorted(os.listdir(args.out)))


if __name__ == "__main__":
    main()
