"""Trains the atomic-proposition span tagger (B/I/O over words) on the navigation rows' gold
`propositions` spans, excluding the end-to-end held-out slice, plus (with --extra) the pattern rows
of scripts/nl2tl-patterns.ts, whose clauses are whole spans; exports models/nl2tl/tagger.onnx.

The vocabulary lists the navigation rows' words first and records how many there are
(`corpus_words`): the runtime trusts the translation model first only on sentences made of those
words (its own corpus's phrasing), whatever else the tagger learned.

Usage: /usr/bin/python3 training/nl2tl/tagger.py --data ../shared/data/nl2tl --out models/nl2tl --minutes 4 \
         [--extra training/work/nl2tl/patterns.jsonl]
"""
import argparse
import json
import os
import random
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

from model import PAD, Block
from prepare import NAVI, bucket
from tltext import tokenize_sentence

TAGS = ["O", "B", "I"]


class Tagger(nn.Module):
    def __init__(self, vocab, d=96, heads=4, ff=256, layers=2, max_len=128):
        super().__init__()
        self.config = dict(vocab=vocab, d=d, heads=heads, ff=ff, layers=layers, max_len=max_len)
        self.emb = nn.Embedding(vocab, d)
        self.pos = nn.Embedding(max_len, d)
        self.blocks = nn.ModuleList([Block(d, heads, ff, False, 0.1) for _ in range(layers)])
        self.norm = nn.LayerNorm(d)
        self.out = nn.Linear(d, len(TAGS))

    def forward(self, ids):
        x = self.emb(ids) + self.pos(torch.arange(ids.shape[1]))[None]
        bias = ((ids == PAD).float() * -1e9)[:, None, None, :]
        for b in self.blocks:
            x = b(x, bias)
        return self.out(self.norm(x))


def rows_from(path, heldout_percent):
    out = []
    for line in open(path):
        r = json.loads(line)
        if heldout_percent and bucket(" ".join(r["sentence"]), "navi") < heldout_percent:
            continue
        toks = tokenize_sentence(" ".join(r["sentence"]))
        if len(toks) != len(r["sentence"]):
            continue
        tags = ["O"] * len(toks)
        for p in r["propositions"].values():
            a, b = p["span"]
            tags[a] = "B"
            for i in range(a + 1, b):
                tags[i] = "I"
        out.append((toks, tags))
    return out


def spans(tags):
    res, start = [], None
    for i, t in enumerate(tags + ["O"]):
        if t in ("B", "O") and start is not None:
            res.append((start, i))
            start = None
        if t == "B" or (t == "I" and start is None):
            start = i
    return res


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--minutes", type=float, default=4)
    ap.add_argument("--heldout-percent", type=int, default=10)
    ap.add_argument("--extra", default="", help="more rows in the navigation rows' JSON shape (pattern pairs)")
    args = ap.parse_args()
    torch.set_num_threads(1)
    torch.manual_seed(1)
    random.seed(1)
    rows = rows_from(os.path.join(args.data, NAVI), args.heldout_percent)
    uniq = {}
    for toks, tags in rows:
        uniq[" ".join(toks)] = (toks, tags)
    rows = list(uniq.values())
    dev = [r for r in rows if bucket(" ".join(r[0]), "tagdev") < 5]
    train = [r for r in rows if bucket(" ".join(r[0]), "tagdev") >= 5]
    corpus = sorted({w for t, _ in train for w in t})
    extra = rows_from(args.extra, 0) if args.extra else []
    extra_dev = [r for r in extra if bucket(" ".join(r[0]), "tagdev") < 5]
    extra = [r for r in extra if bucket(" ".join(r[0]), "tagdev") >= 5]
    train += extra
    known = set(corpus)
    vocab = ["<pad>", "<unk>"] + corpus + sorted({w for t, _ in extra for w in t} - known)
    index = {w: i for i, w in enumerate(vocab)}
    model = Tagger(len(vocab))
    opt = torch.optim.AdamW(model.parameters(), lr=2e-3, weight_decay=0.01)

    def batch(rs, drop):
        n = max(len(t) for t, _ in rs)
        ids = [[index.get(w, 1) if random.random() >= drop else 1 for w in t] + [PAD] * (n - len(t)) for t, _ in rs]
        tg = [[TAGS.index(x) for x in g] + [-100] * (n - len(g)) for _, g in rs]
        return torch.tensor(ids), torch.tensor(tg)

    def evaluate(rows=dev):
        model.eval()
        tp = fp = fn = 0
        with torch.no_grad():
            for i in range(0, len(rows), 256):
                rs = rows[i:i + 256]
                ids, _ = batch(rs, 0.0)
                pred = model(ids).argmax(-1)
                for j, (t, g) in enumerate(rs):
                    ps = set(spans([TAGS[k] for k in pred[j, :len(t)].tolist()]))
                    gs = set(spans(g))
                    tp += len(ps & gs)
                    fp += len(ps - gs)
                    fn += len(gs - ps)
        model.train()
        return 2 * tp / max(1, 2 * tp + fp + fn)

    start = time.time()
    epoch = 0
    while time.time() - start < args.minutes * 60:
        epoch += 1
        random.shuffle(train)
        for i in range(0, len(train), 64):
            ids, tg = batch(train[i:i + 64], 0.1)
            loss = F.cross_entropy(model(ids).reshape(-1, len(TAGS)), tg.reshape(-1), ignore_index=-100)
            opt.zero_grad()
            loss.backward()
            opt.step()
        print("epoch %d loss %.4f dev span F1 %.4f %.0fs" % (epoch, loss.item(), evaluate(), time.time() - start), flush=True)
    f1 = evaluate()
    extra_f1 = evaluate(extra_dev) if extra_dev else None
    model.eval()
    os.makedirs(args.out, exist_ok=True)
    ids = torch.tensor([[2, 3, 4]])
    torch.onnx.export(model, (ids,), os.path.join(args.out, "tagger.onnx"), input_names=["ids"],
                      output_names=["logits"], dynamic_axes={"ids": {0: "batch", 1: "len"}, "logits": {0: "batch", 1: "len"}},
                      opset_version=14)
    json.dump({"vocab": vocab, "corpus_words": 2 + len(corpus), "tags": TAGS, "dev_span_f1": round(f1, 4),
               "train_rows": len(train), "extra_rows": len(extra),
               "extra_dev_span_f1": extra_f1 and round(extra_f1, 4),
               "dev_rows": len(dev), "config": model.config},
              open(os.path.join(args.out, "tagger.json"), "w"))
    print("exported tagger, dev span F1 %.4f, pattern rows' dev span F1 %s" % (f1, extra_f1))


if __name__ == "__main__":
    main()
