"""Trains the formula labeller and writes models/mwp/labeller.json.

The seq2seq decoder names an operator's formula before it has written the operator's operands
(prefix order), so it cannot see which quantities the step combines. The labeller can: given the
problem's tokens and the whole expression tree, it scores the formulas of one operator from
sparse features (the operator, its parent, the words around each operand number, the question's
last words, and the problem's word pairs), with one weight per (feature, formula). It is a linear
softmax model trained on the 800 labelled training problems of InterMWP `valid.json`; the runtime
adds its log-probabilities to the decoder's (src/neural/mwpLabeller.ts).

Feature extraction here and in mwpLabeller.ts must agree: this script also writes, for a few
labelled problems (by InterMWP id, no text), the log-probabilities computed here to
test/fixtures/mwp/labeller-checks.json, and test/unit/mwp-labeller.test.ts recomputes them from
the problems' text in ../shared/data.
"""
import json
import random
import re

import torch
import torch.nn.functional as F

from mwptext import OPS
from sparse_linear import parse_paths, train_softmax, weight_table

WINDOW = 4
QUESTION = 12
L2 = 1e-3
EPOCHS = 60
# Weights smaller than this are dropped from the file; dev logic accuracy is the same without them.
PRUNE = 0.01


def tree(structure):
    """{position of each operator: (operator, left child, right child, parent, side)} of a prefix tree."""
    nodes = {}
    pos = 0

    def walk(parent, side):
        nonlocal pos
        here = pos
        pos += 1
        if structure[here] in OPS:
            left = walk(here, "L")
            right = walk(here, "R")
            nodes[here] = (structure[here], left, right, parent, side)
        return here

    walk(-1, "T")
    return nodes


def features(tokens, structure, at, nodes):
    op, left, right, parent, side = nodes[at]
    out = ["op:" + op, "side:" + side + op]
    if parent >= 0:
        out.append("par:" + structure[parent] + side + op)
    for name, child in (("L", left), ("R", right)):
        leaf = structure[child]
        if leaf in OPS:
            out.append(name + "op:" + op + leaf)
        elif re.fullmatch(r"N\d+", leaf):
            out.append(name + "num" + op)
            if leaf not in tokens:
                continue
            k = tokens.index(leaf)
            before = tokens[max(0, k - WINDOW):k]
            after = tokens[k + 1:k + 1 + WINDOW]
            out += [name + "b:" + x for x in before] + [name + "a:" + x for x in after]
            out += [name + "a2:" + x + y for x, y in zip(after, after[1:])]
            out += [name + "b2:" + x + y for x, y in zip(before, before[1:])]
        else:
            out.append(name + "c:" + op + leaf)
    question = tokens[-QUESTION:]
    out += ["q2:" + x + y for x, y in zip(question, question[1:])]
    out += ["t2:" + op + x + y for x, y in zip(tokens, tokens[1:])]
    return out


def label_of(token):
    return int(token[1:]) if token.startswith("F") else 0


def main():
    args = parse_paths("labeller")
    torch.manual_seed(0)
    meta = json.load(open(args.meta, encoding="utf-8"))
    out_op = meta["out_op"]
    n_labels = len(meta["formulas"])
    allowed = {op: torch.tensor([f["id"] == 0 or f["op"] == op for f in meta["formulas"]]) for op in OPS}
    data = json.load(open(args.data, encoding="utf-8"))["examples"]
    labelled = [e for e in data if e["src"] == "intermwp" and e["split"] == "train"]

    rows, ys, ops = [], [], []
    for e in labelled:
        structure = [out_op.get(t, t) for t in e["target"]]
        nodes = tree(structure)
        for at in sorted(nodes):
            rows.append(features(e["tokens"], structure, at, nodes))
            ys.append(label_of(e["target"][at]))
            ops.append(structure[at])
    vocab = {}
    for r in rows:
        for x in r:
            vocab.setdefault(x, len(vocab))
    mask = torch.stack([allowed[o] for o in ops])
    weights, bias, _, fit = train_softmax([[vocab[x] for x in r] for r in rows], len(vocab), ys, n_labels, L2, EPOCHS, mask)
    table = weight_table(vocab, weights, PRUNE)

    def scored(e):
        structure = [out_op.get(t, t) for t in e["target"]]
        nodes = tree(structure)
        per_op = []
        for at in sorted(nodes):
            z = torch.tensor(rounded_bias, dtype=torch.float64)
            for x in features(e["tokens"], structure, at, nodes):
                for k, w in table.get(x, []):
                    z[k] += w
            z = F.log_softmax(z.masked_fill(~allowed[structure[at]], float("-inf")), -1)
            best = int(z.argmax())
            per_op.append({"position": at, "best": best, "logprob": round(float(z[best]), 4)})
        return {"id": e["id"], "structure": structure, "ops": per_op}

    rounded_bias = [round(float(b), 3) for b in bias]
    json.dump({"format": 1, "window": WINDOW, "question": QUESTION, "bias": rounded_bias, "weights": table},
              open(args.out, "w", encoding="utf-8"), ensure_ascii=False, separators=(",", ":"))
    checks = [scored(e) for e in random.Random(0).sample(labelled, 8)]
    json.dump(checks, open(args.checks, "w", encoding="utf-8"), indent=1)
    print("labeller: %d operators, %d features (%d kept), training fit %.3f, %s" %
          (len(rows), len(vocab), len(table), fit, args.out))


if __name__ == "__main__":
    main()
