"""Trains the reverse (channel) model p(sentence | formula) and exports models/nl2tl/reverse.{onnx,json}.

The runtime reranks the translation beam by forward score + weight x reverse score (a noisy
channel): of the forward model's candidates it prefers those from which the sentence is likely.
Trained on the same lifted pairs as the forward model (styled/train.tsv), turned around: source is
the style token and the lifted formula, target the lifted sentence.

Usage: /usr/bin/python3 training/nl2tl/reverse.py --data training/work/nl2tl/styled \
         --work training/work/nl2tl/reverse --out models/nl2tl [--minutes 25 --threads 1]
"""
import argparse
import collections
import json
import math
import os
import random
import time

import torch
import torch.nn.functional as F

from model import PAD, Seq2Seq, train_step

SPECIALS = ["<pad>", "<bos>", "<eos>", "<unk>"]
BOS, EOS, UNK = 1, 2, 3
CONFIG = dict(d=128, heads=4, ff=512, enc_layers=2, dec_layers=2, max_src=64, max_tgt=128)


def read(path):
    """(source: style token + formula, target: sentence) from a forward TSV."""
    rows = []
    for line in open(path, encoding="utf-8"):
        if line.strip():
            sentence, formula = (x.split() for x in line.rstrip("\n").split("\t"))
            rows.append(([sentence[0]] + formula, sentence[1:]))
    return rows


def encode(rows, src_index, tgt_index):
    limit = CONFIG["max_tgt"] - 2
    return [([src_index.get(w, 1) for w in s][:CONFIG["max_src"]],
             [BOS] + [tgt_index.get(w, UNK) for w in t][:limit] + [EOS]) for s, t in rows]


def pad(seqs):
    n = max(len(s) for s in seqs)
    return torch.tensor([s + [PAD] * (n - len(s)) for s in seqs])


class Scorer(torch.nn.Module):
    """ONNX graph: (src [B,S], tgt [B,T] = <bos> sentence <eos>, 0-padded) -> mean log-probability
    of tgt[:, 1:] per row, over its non-padding positions."""

    def __init__(self, m):
        super().__init__()
        self.m = m

    def forward(self, src, tgt):
        logp = F.log_softmax(self.m(src, tgt[:, :-1]), -1)
        gold = tgt[:, 1:]
        picked = logp.gather(2, gold.unsqueeze(-1)).squeeze(-1)
        keep = (gold != PAD).float()
        return (picked * keep).sum(1) / keep.sum(1)


def mean_nll(model, rows):
    model.eval()
    total, count = 0.0, 0
    with torch.no_grad():
        for i in range(0, len(rows), 64):
            batch = rows[i:i + 64]
            src, tgt = pad([s for s, _ in batch]), pad([t for _, t in batch])
            logits = model(src, tgt[:, :-1])
            total += float(F.cross_entropy(logits.reshape(-1, logits.shape[-1]), tgt[:, 1:].reshape(-1),
                                           ignore_index=PAD, reduction="sum"))
            count += int((tgt[:, 1:] != PAD).sum())
    model.train()
    return total / count


def export(model, src_vocab, tgt_vocab, sample, out, training):
    """Writes reverse.onnx (the Scorer graph; initializers keep their names for reverse_parity.py)
    and reverse.json (vocabularies, sizes, training record)."""
    model.eval()
    src, tgt = pad([s for s, _ in sample]), pad([t for _, t in sample])
    torch.onnx.export(Scorer(model), (src, tgt), os.path.join(out, "reverse.onnx"), opset_version=14,
                      input_names=["src", "tgt"], output_names=["score"], do_constant_folding=False,
                      dynamic_axes={"src": {0: "B", 1: "S"}, "tgt": {0: "B", 1: "T"}, "score": {0: "B"}})
    json.dump({"kind": "nl2tl-reverse", "src_vocab": src_vocab, "tgt_vocab": tgt_vocab, "config": CONFIG, "training": training},
              open(os.path.join(out, "reverse.json"), "w", encoding="utf-8"), indent=0)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--minutes", type=float, default=25)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--extra", default="", help="more forward TSVs to train on, comma-separated")
    ap.add_argument("--smoothing", type=float, default=0.1)
    args = ap.parse_args()
    torch.manual_seed(args.seed)
    random.seed(args.seed)
    torch.set_num_threads(args.threads)
    os.makedirs(args.work, exist_ok=True)

    train = read(os.path.join(args.data, "train.tsv"))
    for extra in filter(None, args.extra.split(",")):
        train += read(extra)
    dev = read(os.path.join(args.data, "dev.tsv"))
    counts = collections.Counter(w for _, t in train for w in t)
    tgt_vocab = SPECIALS + sorted(w for w, c in counts.items() if c >= 2)
    src_vocab = ["<pad>", "<unk>"] + sorted({w for s, _ in train for w in s})
    src_index = {w: i for i, w in enumerate(src_vocab)}
    tgt_index = {w: i for i, w in enumerate(tgt_vocab)}
    train_ids, dev_ids = encode(train, src_index, tgt_index), encode(dev, src_index, tgt_index)

    model = Seq2Seq(len(src_vocab), len(tgt_vocab), dropout=0.1, **CONFIG)
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=0.01)
    budget = args.minutes * 60
    started, step, epoch, best = time.time(), 0, 0, float("inf")
    checkpoint = os.path.join(args.work, "model.pt")
    while time.time() - started < budget:
        order = sorted(range(len(train_ids)), key=lambda i: len(train_ids[i][1]) + random.random() * 6)
        chunks = [order[i:i + 32] for i in range(0, len(order), 32)]
        random.shuffle(chunks)
        for chunk in chunks:
            done = min(1.0, (time.time() - started) / budget)
            lr = 1e-3 * min(1.0, step / 300) * 0.5 * (1 + math.cos(math.pi * done))
            for g in opt.param_groups:
                g["lr"] = lr
            batch = [train_ids[i] for i in chunk]
            src, tgt = pad([s for s, _ in batch]), pad([t for _, t in batch])
            train_step(model, opt, src, tgt, args.smoothing)
            step += 1
            if time.time() - started > budget:
                break
        epoch += 1
        nll = mean_nll(model, dev_ids)
        print("epoch %d step %d %.1f min dev nll %.3f" % (epoch, step, (time.time() - started) / 60, nll), flush=True)
        if nll < best:
            best = nll
            torch.save({"state": model.state_dict(), "epoch": epoch}, checkpoint)

    model.load_state_dict(torch.load(checkpoint)["state"])
    export(model, src_vocab, tgt_vocab, dev_ids[:2], args.out,
           {"data": "%s (%d pairs)" % (" + ".join(["train.tsv"] + [os.path.basename(e) for e in filter(None, args.extra.split(","))]), len(train)),
            "label_smoothing": args.smoothing, "epochs": epoch, "minutes": args.minutes,
            "dev_nll_per_token": round(best, 4), "command": "training/nl2tl/reverse.py"})
    print("exported reverse.onnx, best dev nll %.3f" % best)


if __name__ == "__main__":
    main()
