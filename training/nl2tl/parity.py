"""Runs the PyTorch model on lifted token ids and prints the decoder's last-step log-probabilities.

Used by test/unit/neural-parity.test.ts, which feeds the same ids to onnxruntime-node.
Input on stdin: {"src": [[ids...], ...], "tgt": [[ids...], ...]} (rows padded with 0).
Usage: /usr/bin/python3 training/nl2tl/parity.py models/nl2tl/model.pt < input.json
"""
import json
import sys

import torch

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from export import load  # noqa: E402


def main():
    model = load(sys.argv[1])
    req = json.load(sys.stdin)
    src = torch.tensor(req["src"])
    tgt = torch.tensor(req["tgt"])
    with torch.no_grad():
        out = model.decode(tgt, model.encode(src), src)[:, -1].log_softmax(-1)
    json.dump({"logprobs": out.tolist()}, sys.stdout)


if __name__ == "__main__":
    main()
