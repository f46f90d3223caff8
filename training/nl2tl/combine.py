"""Averages the weights of trained runs into one checkpoint (a "soup": one model, same size and speed).
The runs must share the source vocabulary (fine-tunes of one checkpoint do).

Usage: /usr/bin/python3 training/nl2tl/combine.py --runs RUN_A RUN_B --out training/work/nl2tl/soup
"""
import argparse
import json
import os
import shutil

import torch


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", nargs="+", required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    vocabs = [json.load(open(os.path.join(r, "vocab.json"))) for r in args.runs]
    if any(v != vocabs[0] for v in vocabs):
        raise SystemExit("the runs' vocabularies differ")
    ckpts = [torch.load(os.path.join(r, "model.pt")) for r in args.runs]
    os.makedirs(args.out, exist_ok=True)
    keys = ckpts[0]["state"].keys()
    state = {k: (sum(c["state"][k].float() for c in ckpts) / len(ckpts)).half() for k in keys}
    out = {"config": ckpts[0]["config"], "state": state}
    torch.save(out, os.path.join(args.out, "model.pt"))
    shutil.copy(os.path.join(args.runs[0], "vocab.json"), os.path.join(args.out, "vocab.json"))
    print("wrote", os.path.join(args.out, "model.pt"), "average of %d runs" % len(ckpts))


if __name__ == "__main__":
    main()
