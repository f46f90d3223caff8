"""Compositional augmentation: joins two training pairs into one longer pair with an explicit connective.

The dev errors concentrate on long sentences with many props (5+ props: 20 of 21 dev rows wrong; the
training set has few such rows). Joining two real training sentences with a connective whose scope
is unambiguous ("either A , or else B .", "if A , then B .") gives long, many-prop pairs in the
sources' own phrasing, labelled by construction: (tA op tB). The second sentence's props and
numbers are renumbered after the first's, so props stay numbered by first appearance.
Only pairs from the given training file are used (never dev).

Usage: /usr/bin/python3 training/nl2tl/compose.py --train training/work/nl2tl/styled/train.tsv \
         --n 3000 --out training/work/nl2tl/styled/compose.tsv [--seed 5]
"""
import argparse
import random
import re

MAX_PROPS = 10
MAX_NUMS = 8
MAX_TGT = 46

# (operator, template); {a} and {b} are the two sentences without their final full stop.
TEMPLATES = [
    ("and", "{a} , and {b} ."), ("and", "{a} , and also {b} ."), ("and", "{a} . in addition , {b} ."),
    ("and", "both {a} , and {b} ."), ("and", "{a} , and at the same time {b} ."),
    ("or", "either {a} , or else {b} ."), ("or", "{a} , or else {b} ."), ("or", "{a} , otherwise {b} ."),
    ("or", "{a} , or {b} ."),
    ("imply", "if {a} , then {b} ."), ("imply", "in case that {a} , then {b} ."),
    ("imply", "if {a} , then it follows that {b} ."),
    ("equal", "the scenario that {a} is equivalent to the scenario that {b} ."),
    ("equal", "{a} , if and only if {b} ."),
    ("until", "{a} , and this holds until {b} ."),
]

TOKEN = re.compile(r"^(prop|num)_(\d+)$")


def read(path, style):
    rows = []
    for line in open(path):
        s, t = line.rstrip("\n").split("\t")
        s, t = s.split(), t.split()
        if s[0] != style:
            continue
        rows.append((s[1:], t))
    return rows


def counts(tokens):
    props = {int(m.group(2)) for m in map(TOKEN.match, tokens) if m and m.group(1) == "prop"}
    nums = {int(m.group(2)) for m in map(TOKEN.match, tokens) if m and m.group(1) == "num"}
    return max(props, default=0), max(nums, default=0)


def shift(tokens, dp, dn):
    out = []
    for t in tokens:
        m = TOKEN.match(t)
        if m:
            k = int(m.group(2)) + (dp if m.group(1) == "prop" else dn)
            t = "%s_%d" % (m.group(1), k)
        out.append(t)
    return out


def strip_stop(tokens):
    while tokens and tokens[-1] in (".", ","):
        tokens = tokens[:-1]
    return tokens


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--train", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--n", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--style", default="<nl2tl>")
    ap.add_argument("--max-part-props", type=int, default=4)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    rows = [r for r in read(args.train, args.style) if counts(r[0])[0] <= args.max_part_props]
    seen = {}
    tries = 0
    while len(seen) < args.n and tries < 50 * args.n:
        tries += 1
        (sa, ta), (sb, tb) = rng.sample(rows, 2)
        pa, na = counts(sa)
        pb, nb = counts(sb)
        if pa + pb > MAX_PROPS or na + nb > MAX_NUMS or len(ta) + len(tb) + 3 > MAX_TGT:
            continue
        op, template = rng.choice(TEMPLATES)
        a = " ".join(strip_stop(sa))
        b = " ".join(strip_stop(shift(sb, pa, na)))
        src = template.format(a=a, b=b).split()
        tgt = ["("] + ta + [op] + shift(tb, pa, na) + [")"]
        seen.setdefault(" ".join([args.style] + src), " ".join(tgt))
    with open(args.out, "w") as f:
        for s, t in seen.items():
            f.write(s + "\t" + t + "\n")
    print("wrote %d composed pairs" % len(seen))


if __name__ == "__main__":
    main()
