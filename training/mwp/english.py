"""Trains the English solver's ranker and writes models/mwp/english.json.

The candidates and their features come from training/mwp/english_data.ts (the runtime's own code,
src/neural/english/): every expression with one or two operators over the problem's numbers and
the constants its words call for. The ranker is a linear softmax over each problem's candidates
(sparse_linear.train_ranker), trained on the training split only; the dev split (12% of train.csv
by a hash of the masked question) is only scored here.
"""
import argparse
import json
import os
import time

import numpy as np
import torch

from sparse_linear import train_ranker, train_softmax, weight_table

HERE = os.path.dirname(os.path.abspath(__file__))
WORK = os.path.join(HERE, "..", "work", "mwp", "english")


def load(split):
    get = lambda name: torch.from_numpy(np.fromfile(os.path.join(WORK, "%s.%s.i32" % (split, name)), dtype=np.int32).astype(np.int64))
    return get("features"), get("offsets"), get("problem"), get("gold")


def accuracy(weights, split):
    """Share of problems whose best-scoring value is the gold one (values summed over their trees is the
    runtime's rule; here: the best candidate, and the value marginal), and the mean gold probability."""
    features, offsets, problem, gold = load(split)
    bag = torch.nn.functional.embedding_bag(features, weights[:, None], offsets[:-1], mode="sum").squeeze(-1)
    n = int(problem.max()) + 1
    right = 0
    for i in range(n):
        sel = (problem == i).nonzero().flatten()
        if len(sel) == 0:
            continue
        s = bag[sel]
        right += int(gold[sel][int(s.argmax())])
    return right / n


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--l2", type=float, default=1e-4)
    ap.add_argument("--epochs", type=int, default=150)
    ap.add_argument("--prune", type=float, default=0.01)
    ap.add_argument("--out", default=os.path.join(HERE, "..", "..", "models", "mwp", "english.json"))
    ap.add_argument("--labeller-only", action="store_true", help="retrain the labeller, keep the ranker of --out")
    args = ap.parse_args()
    torch.manual_seed(0)
    if args.labeller_only:
        model = json.load(open(args.out))
        model["labeller"] = train_labeller()
        json.dump(model, open(args.out, "w"), separators=(",", ":"))
        return
    vocab = json.load(open(os.path.join(WORK, "vocab.json")))
    features, offsets, problem, gold = load("train")
    started = time.time()
    weights, loss, fit = train_ranker(features, offsets, problem, gold, len(vocab), args.l2, args.epochs)
    print("english ranker: %d features, loss %.4f, train fit %.3f, dev %.3f (%.0f s)" % (len(vocab), loss, fit, accuracy(weights, "dev"), time.time() - started))
    table = {f: round(float(w), 3) for f, w in zip(vocab, weights.tolist()) if abs(w) >= args.prune}
    labeller = train_labeller()
    json.dump({"format": 1, "maxOps": 2, "weights": table, "labeller": labeller}, open(args.out, "w"), separators=(",", ":"))
    print("kept %d weights, %s" % (len(table), args.out))


# The formula labeller: formula ids per operator from silver labels of the training problems.
OPS_OF = None
LABELLER_L2 = 1e-3
LABELLER_EPOCHS = 120
LABELLER_MIN_COUNT = 2


def train_labeller():
    rows = [json.loads(l) for l in open(os.path.join(WORK, "labeller.jsonl")) if l.strip()]
    formulas = json.load(open(os.path.join(WORK, "formulas.json")))
    classes = sorted({0} | {f["id"] for f in formulas})
    index = {c: i for i, c in enumerate(classes)}
    op_of = {f["id"]: f["op"] for f in formulas}
    counts = {}
    for r in rows:
        for x in set(r["features"]):
            counts[x] = counts.get(x, 0) + 1
    vocab = {}
    for x in sorted(counts):
        if counts[x] >= LABELLER_MIN_COUNT:
            vocab[x] = len(vocab)
    feats = [[vocab[x] for x in r["features"] if x in vocab] for r in rows]
    mask = torch.tensor([[c == 0 or op_of[c] == r["op"] for c in classes] for r in rows])
    weights, bias, loss, fit = train_softmax(feats, len(vocab), [index[r["label"]] for r in rows], len(classes), LABELLER_L2, LABELLER_EPOCHS, mask)
    print("english labeller: %d operators, %d features, %d formulas, loss %.3f, fits %.3f of its silver labels" % (len(rows), len(vocab), len(classes), loss, fit))
    return {"classes": classes, "bias": [round(float(b), 3) for b in bias], "weights": weight_table(vocab, weights, 0.01)}


if __name__ == "__main__":
    main()
