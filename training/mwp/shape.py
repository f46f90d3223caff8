"""Trains the shape prior and writes models/mwp/shape.json.

The reranker (src/neural/mwpRerank.ts) chooses among candidate expressions that the seq2seq model
and the retrieval memory propose. The model alone is often confident about an expression whose
shape does not fit the question: a value of 28/3 kilometres where a whole number is asked, a ratio
above 1 for "几分之几", every number used where one is a class name. The shape prior says how well
a candidate fits what word problems are like, learnt from the gold expressions of every training
problem (Math23K, MAWPS/ASDiv-A and the 800 labelled InterMWP problems; never the dev split). It is
four small linear softmax models over sparse features:

- value: the class of the answer (whole or not, between 0 and 1 or not, and its order of magnitude
  relative to the largest given number), from the question's words;
- root: the last operator applied, from the same words (the question's words, the problem's words, and
  whether the numbers share one unit and it is the one asked for);
- operators: how many operators the expression has (1 to 5+), from the same words;
- used: whether each given number takes part, from the words around it.

A candidate's prior is the sum of the four heads' log-probabilities (one per number for `used`).
Feature extraction here and in src/neural/mwpShape.ts must agree: this script also writes, for a
few labelled problems (by InterMWP id, no text), the log-probabilities it computes to
test/fixtures/mwp/shape-checks.json, and test/unit/mwp-shape.test.ts recomputes them.
"""
import json
import re
import math
import random
from fractions import Fraction

import torch
import torch.nn.functional as F

from mwptext import OPS, eval_prefix, number_value
from sparse_linear import parse_paths, train_softmax, weight_table

QUESTION = 20
WINDOW = 4
L2 = 1e-4
EPOCHS = 80
# A class never seen in training (a value 10^5 times the largest number, say) gets this log-probability.
UNSEEN = round(math.log(1e-4), 4)
# Features seen in fewer training examples than this are left out, and weights smaller than PRUNE
# are dropped: together they keep the file at 3.8 MB. (Held-out log-likelihood on training problems
# chose 3 over 10.)
MIN_COUNT = 3
PRUNE = 0.02


def kind(s):
    return "pct" if s.endswith("%") else "frac" if "(" in s else "dec" if "." in s else "int"


def question_features(tokens, numbers):
    q = tokens[-QUESTION:]
    out = ["u:" + x for x in q] + ["b:" + x + y for x, y in zip(q, q[1:])]
    out += ["t:" + x for x in sorted(set(tokens))]
    out.append("n:%d" % min(len(numbers), 5))
    out += [kind(s) for s in numbers if kind(s) != "int"]
    return out + unit_features(tokens, numbers)


# Sentence punctuation after NFKC (mwptext.normalize): no unit follows a number there.
STOP = set(",.?!;:。、")


def unit_after(tokens, k):
    """The unit of the quantity at token k: the next token (a measure word: 个, 千 of 千米, 元), unless
    punctuation or another number comes first."""
    x = tokens[k + 1] if k + 1 < len(tokens) else ""
    return "" if x in STOP or re.fullmatch(r"N\d+", x) else x


def question_unit(tokens):
    """The unit the question asks for: what follows its last 多少 or 几 ("多少个球" → 个)."""
    for k in range(len(tokens) - 1, -1, -1):
        if tokens[k] == "几" or (tokens[k] == "少" and k > 0 and tokens[k - 1] == "多"):
            return unit_after(tokens, k)
    return ""


def unit_features(tokens, numbers):
    """Whether every given number is stated in one unit (us:all), and in the unit the question asks for
    (uq:all). "甲有10个球，乙有7个球，两人一共有多少个球" asks for a total of like quantities: a sum,
    where the question's words alone ("两人一共") more often mean a rate times a time or a multiple."""
    units = ["" if "N%d" % i not in tokens else unit_after(tokens, tokens.index("N%d" % i)) for i in range(len(numbers))]
    asked = question_unit(tokens)
    out = []
    if len(units) >= 2 and units[0] != "" and all(u == units[0] for u in units):
        out.append("us:all")
    if asked != "" and units and all(u == asked for u in units):
        out.append("uq:all")
    return out


def number_features(tokens, numbers, i):
    s = numbers[i]
    out = []
    leaf = "N%d" % i
    if leaf in tokens:
        k = tokens.index(leaf)
        out += ["b:" + x for x in tokens[max(0, k - WINDOW):k]] + ["a:" + x for x in tokens[k + 1:k + 1 + WINDOW]]
        out += ["a2:" + "".join(tokens[k + 1:k + 3]), "b2:" + "".join(tokens[max(0, k - 2):k])]
    out += [kind(s), "pos:%d" % min(i, 6), "last:%d" % (i == len(numbers) - 1), "len:%d" % min(len(s), 5)]
    v = number_value(s)
    if v is not None:
        out.append("small" if v < 10 else "mid" if v < 1000 else "big")
    return out


def value_class(v, numbers):
    """Whole?, in (0, 1)?, and log10(|v| / largest given number) rounded half up and clipped to ±3."""
    values = [abs(x) for x in (number_value(s) for s in numbers) if x is not None]
    largest = max(values + [Fraction(1, 10 ** 9)])
    if v == 0:
        magnitude = "z"
    else:
        magnitude = str(max(-3, min(3, math.floor(math.log10(float(abs(v) / largest)) + 0.5))))
    return "%d%d%s" % (v.denominator == 1, 0 < v < 1, magnitude)


def examples(tokens, numbers, structure, value):
    """(head, features, label) for one problem and one expression (prefix over operators and leaves)."""
    q = question_features(tokens, numbers)
    out = [("root", q, structure[0] if structure[0] in OPS else "leaf"),
           ("operators", q, str(min(sum(t in OPS for t in structure), 5)))]
    if value is not None:
        out.append(("value", q, value_class(value, numbers)))
    used = set(structure)
    out += [("used", number_features(tokens, numbers, i), "yes" if "N%d" % i in used else "no") for i in range(len(numbers))]
    return out


def structure_of(target, out_op):
    return [out_op.get(t, t[1:] if t.startswith("?") else t) for t in target]


def value_of(structure, numbers, consts):
    values = {"N%d" % i: number_value(s) for i, s in enumerate(numbers)}
    values.update({c: Fraction(c) for c in consts})
    try:
        return eval_prefix(structure, values)
    except (ZeroDivisionError, KeyError, TypeError, ValueError, OverflowError):
        return None


def train(rows):
    classes = sorted({y for _, y in rows})
    index = {c: i for i, c in enumerate(classes)}
    counts = {}
    for features, _ in rows:
        for x in set(features):
            counts[x] = counts.get(x, 0) + 1
    vocab = {}
    for x in sorted(counts):
        if counts[x] >= MIN_COUNT:
            vocab[x] = len(vocab)
    kept = [[vocab[x] for x in f if x in vocab] for f, _ in rows]
    weights, bias, loss, _ = train_softmax(kept, len(vocab), [index[c] for _, c in rows], len(classes), L2, EPOCHS)
    return {"classes": classes, "bias": [round(float(b), 3) for b in bias], "weights": weight_table(vocab, weights, PRUNE)}, loss


def logprob(head, features, label):
    if label not in head["classes"]:
        return UNSEEN
    z = torch.tensor(head["bias"], dtype=torch.float64)
    for x in features:
        for k, w in head["weights"].get(x, []):
            z[k] += w
    return float(F.log_softmax(z, -1)[head["classes"].index(label)])


def main():
    args = parse_paths("shape")
    torch.manual_seed(0)
    out_op = json.load(open(args.meta, encoding="utf-8"))["out_op"]
    data = json.load(open(args.data, encoding="utf-8"))
    consts = data["consts"]
    problems = [e for e in data["examples"] if not (e["src"] == "intermwp" and e["split"] == "dev")]
    by_head = {}
    for e in problems:
        structure = structure_of(e["target"], out_op)
        for head, features, label in examples(e["tokens"], e["nums"], structure, value_of(structure, e["nums"], consts)):
            by_head.setdefault(head, []).append((features, label))
    heads = {}
    for name in sorted(by_head):
        heads[name], loss = train(by_head[name])
        print("shape prior %s: %d examples, %d classes, training loss %.3f" % (name, len(by_head[name]), len(heads[name]["classes"]), loss))
    json.dump({"format": 1, "question": QUESTION, "window": WINDOW, "unseen": UNSEEN, "heads": heads},
              open(args.out, "w", encoding="utf-8"), ensure_ascii=False, separators=(",", ":"))

    labelled = [e for e in problems if e["src"] == "intermwp"]
    checks = []
    for e in random.Random(0).sample(labelled, 8):
        structure = structure_of(e["target"], out_op)
        value = value_of(structure, e["nums"], consts)
        total = sum(logprob(heads[h], f, y) for h, f, y in examples(e["tokens"], e["nums"], structure, value))
        checks.append({"id": e["id"], "structure": structure, "value": str(value), "logprob": round(total, 4)})
    json.dump(checks, open(args.checks, "w", encoding="utf-8"), indent=1)
    print("shape prior: %d problems, %s" % (len(problems), args.out))


if __name__ == "__main__":
    main()
