"""Writes models/mwp/memory.{bin,json}: the retrieval memory the runtime ranks candidate expressions with.

Each training problem (every split but dev) becomes one row: the encoder's mean-pooled output,
L2-normalised and quantised to int8 with a per-row scale, and the id of its expression template (the
prefix tree with formula labels dropped, e.g. `/ N0 - 1 N1`). No problem text is stored: the encoder
vectors and the templates are all the runtime reads. It must see the same encoder as the exported
ONNX files, so run it after export.py with the same --checkpoint.

memory.bin, little-endian, rows R and width D:
    int8    vectors[R * D]
    float32 scales[R]        a row's vector is vectors[r] * scales[r]
    uint16  templates[R]     index into memory.json "templates"
"""
import argparse
import json
import os

import numpy as np
import torch

from export import load
from mwptext import OPS

HERE = os.path.dirname(os.path.abspath(__file__))


def structure(target, out_op):
    """Formula and common-sense tokens become their operator; `?op` (Math23K: formula unknown) too."""
    return [out_op.get(t, t[1:] if t.startswith("?") else t) for t in target]


def embed(model, src_vocab, examples, batch=128):
    ids = {t: i for i, t in enumerate(src_vocab)}
    rows = []
    with torch.no_grad():
        for i in range(0, len(examples), batch):
            seqs = [[ids.get(t, 1) for t in e["tokens"]][:256] for e in examples[i:i + batch]]
            width = max(map(len, seqs))
            src = torch.tensor([s + [0] * (width - len(s)) for s in seqs])
            pad = (src == 0).float()
            mem = model.encode(src, pad)
            keep = (1 - pad).unsqueeze(-1)
            rows.append((mem * keep).sum(1) / keep.sum(1))
    vectors = torch.cat(rows)
    return (vectors / vectors.norm(dim=1, keepdim=True)).numpy()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--checkpoint", default=os.path.join(HERE, "..", "work", "mwp", "best.pt"))
    ap.add_argument("--data", default=os.path.join(HERE, "..", "work", "mwp", "data.json"))
    ap.add_argument("--out", default=os.path.join(HERE, "..", "..", "models", "mwp"))
    args = ap.parse_args()
    torch.set_num_threads(max(1, os.cpu_count() or 1))
    model, ck = load(args.checkpoint)
    v = ck["vocab"]
    examples = [e for e in json.load(open(args.data, encoding="utf-8"))["examples"] if e["split"] != "dev"]
    vectors = embed(model, v["src"], examples)
    scales = np.maximum(np.abs(vectors).max(axis=1), 1e-12) / 127.0
    quantised = np.clip(np.rint(vectors / scales[:, None]), -127, 127).astype(np.int8)

    templates, index = [], {}
    row_template = np.zeros(len(examples), dtype="<u2")
    for r, e in enumerate(examples):
        key = " ".join(structure(e["target"], v["out_op"]))
        if key not in index:
            index[key] = len(templates)
            templates.append(key)
        row_template[r] = index[key]
    assert len(templates) < 2 ** 16 and all(t in OPS or t in v["out"] for k in templates for t in k.split())

    with open(os.path.join(args.out, "memory.bin"), "wb") as f:
        f.write(quantised.tobytes())
        f.write(scales.astype("<f4").tobytes())
        f.write(row_template.tobytes())
    json.dump({"format": 1, "rows": len(examples), "dim": int(vectors.shape[1]), "templates": templates},
              open(os.path.join(args.out, "memory.json"), "w", encoding="utf-8"), indent=0)
    print("memory: %d problems, %d templates" % (len(examples), len(templates)))


if __name__ == "__main__":
    main()
