"""Averages the weights of trained runs into one checkpoint (a "soup": one model, same size and speed).

The runs must be fine-tunes of one checkpoint. A later run may have grown the vocabularies (new words and
target tokens appended, as train.py --init does): each vocabulary must then be a prefix of the largest
run's, the shared rows of the embeddings and the output layer are averaged, and the appended rows come from
the runs that have them.

Usage: /usr/bin/python3 training/nl2tl/combine.py --runs RUN_A RUN_B --out training/work/nl2tl/soup
"""
import argparse
import json
import os

import torch


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", nargs="+", required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    vocabs = [json.load(open(os.path.join(r, "vocab.json"))) for r in args.runs]
    widest = max(range(len(vocabs)), key=lambda i: (len(vocabs[i]["src"]), len(vocabs[i]["tgt"])))
    for v in vocabs:
        for side in ("src", "tgt"):
            if v[side] != vocabs[widest][side][: len(v[side])]:
                raise SystemExit("the runs' %s vocabularies are not prefixes of one another" % side)
    ckpts = [torch.load(os.path.join(r, "model.pt")) for r in args.runs]
    os.makedirs(args.out, exist_ok=True)
    state = {}
    for k, big in ckpts[widest]["state"].items():
        total = torch.zeros(big.shape, dtype=torch.float32)
        count = torch.zeros(big.shape[:1] + (1,) * (big.dim() - 1)) if big.dim() else torch.zeros(())
        for c in ckpts:
            t = c["state"][k].float()
            rows = t.shape[0] if t.dim() else None
            if rows is None:
                total += t
                count += 1
            else:
                total[:rows] += t
                count[:rows] += 1
        state[k] = (total / count).half()
    torch.save({"config": ckpts[widest]["config"], "state": state}, os.path.join(args.out, "model.pt"))
    json.dump(vocabs[widest], open(os.path.join(args.out, "vocab.json"), "w"))
    print("wrote", os.path.join(args.out, "model.pt"), "average of %d runs" % len(ckpts))


if __name__ == "__main__":
    main()
