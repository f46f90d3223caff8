"""Lifted training rows from the pattern pairs that scripts/nl2tl-patterns.ts writes (issue 16, item 3).

Each JSON row's `lifted` sentence (clauses already replaced by `( prop_k )`) is tokenised and lifted
exactly as prepare.py lifts NL2TL's rows (props renumbered, numbers to num_k), and its `ltl` formula
is parsed and printed in the canonical target form. 5% of the rows, by a hash of the lifted sentence,
go to a dev file, so the pattern fragment has its own held-out measure. Rows whose formula is longer than
the model's targets (compose.MAX_TGT tokens: the catalogue's scoped chains, bounded existence beyond two)
are left out; the grammar reads those.

Usage: /usr/bin/python3 training/nl2tl/patterns.py --rows training/work/nl2tl/patterns.jsonl \
         --out training/work/nl2tl/styled/patterns.tsv --dev training/work/nl2tl/styled/patterns_dev.tsv
"""
import argparse
import json

from compose import MAX_TGT
from prepare import bucket, lift_tree
from tltext import lift_sentence, parse_formula, print_formula, split_formula_tokens, tokenize_sentence


def lifted_pair(row):
    tokens, props, nums = lift_sentence(tokenize_sentence(row["lifted"]))
    tree = parse_formula(split_formula_tokens(row["ltl"]))
    return tokens, print_formula(lift_tree(tree, props, nums))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--dev", required=True)
    ap.add_argument("--style", default="<req>", help="the style token of requirement phrasing (see the module doc)")
    args = ap.parse_args()
    pairs = {}
    too_long = 0
    for line in open(args.rows):
        src, tgt = lifted_pair(json.loads(line))
        if len(tgt) > MAX_TGT:
            too_long += 1
            continue
        pairs.setdefault(" ".join(src), " ".join(tgt))
    n_dev = 0
    with open(args.out, "w") as train, open(args.dev, "w") as dev:
        for s, t in pairs.items():
            held = bucket(s, "patterns") < 5
            n_dev += held
            (dev if held else train).write("%s %s\t%s\n" % (args.style, s, t))
    print("wrote %d pattern pairs (%d dev); %d rows' formulas were longer than %d tokens" % (len(pairs), n_dev, too_long, MAX_TGT))


if __name__ == "__main__":
    main()
