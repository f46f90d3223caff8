"""Synthetic lifted pairs for everyday requirement phrasing that NL2TL's templates lack
("the robot must always avoid the ( prop_1 ) and reach the ( prop_2 ) within 10 seconds").

Sentences and formulas are built together from clause templates, so every label is right by
construction; conjunctions are scoped the way the navigation rows are (each clause its own operator).
Usage: /usr/bin/python3 training/nl2tl/synth.py --n 2500 --out training/work/nl2tl/synth.tsv [--style "<navi>"]
"""
import argparse
import random

from tltext import lift_sentence, print_formula, tokenize_sentence
from prepare import lift_tree

UNITS = ["seconds", "minutes", "time units", "steps", "time steps", "hours"]
SUBJECTS = ["", "", "the robot must ", "the system shall ", "the drone should ", "it must ", "you must ",
            "the vehicle has to "]
THE = ["", "the "]

# Each template: (kind, text); {p} is the proposition, {n}/{a}/{b} numbers, {u} a time unit.
UNARY = [
    ("G", "always {p}"), ("G", "{p} at all times"), ("G", "always stay in {p}"), ("G", "always keep {p}"),
    ("G", "remain in {p} at all times"), ("G", "{p} must always hold"),
    ("GN", "never {p}"), ("GN", "always avoid {p}"), ("GN", "avoid {p}"), ("GN", "never enter {p}"),
    ("GN", "stay away from {p}"), ("GN", "keep out of {p}"), ("GN", "never go to {p}"), ("GN", "must not enter {p}"),
    ("F", "eventually {p}"), ("F", "reach {p}"), ("F", "eventually reach {p}"), ("F", "at some point {p}"),
    ("F", "visit {p}"), ("F", "get to {p}"), ("F", "sooner or later {p}"), ("F", "eventually visit {p}"),
    ("FB", "{p} within {n} {u}"), ("FB", "reach {p} within {n} {u}"), ("FB", "within {n} {u} {p}"),
    ("FB", "get to {p} in at most {n} {u}"), ("FB", "visit {p} within the next {n} {u}"),
    ("FB", "reach {p} in less than {n} {u}"),
    ("GB", "{p} for {n} {u}"), ("GB", "stay in {p} for {n} {u}"), ("GB", "always {p} during the next {n} {u}"),
    ("GB", "keep {p} for the next {n} {u}"), ("GNB", "avoid {p} for {n} {u}"), ("GNB", "never enter {p} in the next {n} {u}"),
    ("FAB", "reach {p} between {a} and {b} {u}"), ("FAB", "{p} after {a} {u} but within {b} {u}"),
]
BINARY = [
    ("U", "{p} until {q}"), ("U", "keep {p} until {q}"), ("U", "stay in {p} until {q}"),
    ("RESP", "whenever {p} , eventually {q}"), ("RESP", "every time {p} , {q} must follow"),
    ("RESPB", "whenever {p} , {q} within {n} {u}"), ("RESPB", "if {p} then {q} within {n} {u}"),
]
CONNECT = [("and", " and "), ("and", " , and "), ("and", " and also "), ("or", " or ")]


def P(i):
    return ("prop", "prop_%d" % i)


def unary_tree(kind, p, n, a, b):
    if kind == "G":
        return ("globally", None, p)
    if kind == "GN":
        return ("globally", None, ("negation", None, p))
    if kind == "F":
        return ("finally", None, p)
    if kind == "FB":
        return ("finally", ("0", n), p)
    if kind == "GB":
        return ("globally", ("0", n), p)
    if kind == "GNB":
        return ("globally", ("0", n), ("negation", None, p))
    if kind == "FAB":
        return ("finally", (a, b), p)
    raise ValueError(kind)


def binary_tree(kind, p, q, n):
    if kind == "U":
        return ("until", None, p, q)
    if kind == "RESP":
        return ("globally", None, ("imply", None, p, ("finally", None, q)))
    if kind == "RESPB":
        return ("globally", None, ("imply", None, p, ("finally", ("0", n), q)))
    raise ValueError(kind)


def clause(rng, first_prop):
    """A clause over one or two new props; returns (text, tree, props used)."""
    n = str(rng.randint(1, 600))
    a = str(rng.randint(1, 50))
    b = str(int(a) + rng.randint(1, 300))
    u = rng.choice(UNITS)
    p = "%s( prop_%d )" % (rng.choice(THE), first_prop)
    if rng.random() < 0.25:
        kind, text = rng.choice(BINARY)
        q = "%s( prop_%d )" % (rng.choice(THE), first_prop + 1)
        return text.format(p=p, q=q, n=n, u=u), binary_tree(kind, P(first_prop), P(first_prop + 1), n), 2
    kind, text = rng.choice(UNARY)
    return text.format(p=p, n=n, a=a, b=b, u=u), unary_tree(kind, P(first_prop), n, a, b), 1


def example(rng):
    parts, trees, used = [], [], 1
    for _ in range(rng.choice([1, 2, 2, 2, 3])):
        text, tree, k = clause(rng, used)
        used += k
        parts.append(text)
        trees.append(tree)
    op, word = rng.choice(CONNECT)
    sentence = rng.choice(SUBJECTS) + word.join(parts)
    tree = trees[0]
    for t in trees[1:]:
        tree = (op, None, tree, t)
    if rng.random() < 0.3:
        sentence += " ."
    tokens, props, nums = lift_sentence(tokenize_sentence(sentence))
    return tokens, print_formula(lift_tree(tree, props, nums))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=2500)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--style", default="<navi>", help="annotation-style token (see prepare.py); empty for none")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    seen = {}
    while len(seen) < args.n:
        src, tgt = example(rng)
        seen.setdefault(" ".join(src), " ".join(tgt))
    with open(args.out, "w") as f:
        for s, t in seen.items():
            f.write((args.style + " " if args.style else "") + s + "\t" + t + "\n")
    print("wrote %d synthetic pairs" % len(seen))


if __name__ == "__main__":
    main()
