"""Builds deduplicated lifted train/dev sets and the navigation end-to-end held-out slice.

Usage: /usr/bin/python3 training/nl2tl/prepare.py --data ../shared/data/nl2tl --out training/work/nl2tl
"""
import argparse
import collections
import hashlib
import json
import os

from tltext import (ParseError, lift_sentence, normalise_number, parse_formula, print_formula,
                    split_formula_tokens, tokenize_sentence, PROP_RE, NUM_RE, UNARY, BINARY)

LIFTED_JSONL = [
    "Data_para_gen_5_11_28_word_infix/combine_train_seq2tree_idea4.jsonl",
    "Data_para_gen_5_11_28_word_infix/combine_dev_seq2tree_idea4.jsonl",
    "Data_total64220_03_26/combine_dev_seq2tree_idea4.jsonl",
]
NAVI = "supple_data/Data_transfer_domain/navi_total_refined.jsonl"
LIFTED_TXT = "supple_data/Data_transfer_domain/Seq2Seq_baseline/Seq2seq_lifted_dataset_all_txt"
PREORDER_DIR = "dataset/Word_predict"


# The sources follow two annotation conventions for the same kind of sentence: the navigation rows
# scope each clause's operator to that clause ("F ( a ) | F ( b )"), the NL2TL lifted splits often
# scope the first operator over the rest ("finally ( a or finally b )"). A leading token tells the
# model which convention to produce; the runtime asks for "navi" on free text (the reading that is
# right in English) and "nl2tl" on sentences that come already lifted.
STYLE = {"navi": "<navi>", "synth": "<navi>"}
STYLE.update({k: "<nl2tl>" for k in LIFTED_JSONL + ["lifted_txt", "preorder"]})


def bucket(key, salt):
    return int(hashlib.sha1((salt + key).encode()).hexdigest()[:8], 16) % 100


def preorder_to_tree(tokens):
    """Word_predict targets are Polish notation with intervals glued to the operator."""
    it = iter(tokens)

    def node():
        t = next(it)
        parts = t.split(" ", 1)
        op = parts[0]
        op = {"U": "until", "F": "finally", "G": "globally"}.get(op, op)
        iv = None
        if len(parts) == 2 or "[" in op:
            raw = (parts[1] if len(parts) == 2 else op[op.index("["):]).strip("[] ")
            op = op.split("[")[0]
            op = {"U": "until", "F": "finally", "G": "globally"}.get(op, op)
            lo, hi = [x.strip() for x in raw.split(",")]
            iv = (lo, hi)
        if PROP_RE.match(op):
            return ("prop", op)
        if op in UNARY:
            return (op, iv, node())
        if op in BINARY:
            a = node()
            b = node()
            return (op, iv, a, b)
        raise ParseError("unknown pre-order token " + t)

    tree = node()
    return tree


def lift_tree(tree, props, nums):
    """Renames props to the canonical numbering and interval bounds to num_k placeholders."""
    if tree[0] == "prop":
        if tree[1] not in props:
            raise ParseError("target prop missing from sentence: " + tree[1])
        return ("prop", props[tree[1]])
    iv = tree[1]
    if iv:
        iv = tuple(lift_bound(b, nums) for b in iv)
    kids = [lift_tree(k, props, nums) for k in tree[2:]]
    return (tree[0], iv, *kids)


def lift_bound(b, nums):
    if b in ("infinite", "inf"):
        return "inf"
    if not NUM_RE.match(b):
        raise ParseError("bad bound " + b)
    key = normalise_number(b)
    if key in nums:
        return nums[key]
    if key == "0":
        return "0"
    raise ParseError("bound %s not in sentence" % b)


def example(sentence, target_tree):
    tokens, props, nums = lift_sentence(tokenize_sentence(sentence))
    return tokens, print_formula(lift_tree(target_tree, props, nums))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--dev-percent", type=int, default=8)
    ap.add_argument("--navi-heldout-percent", type=int, default=10)
    ap.add_argument("--no-style", action="store_true",
                    help="omit the annotation-style token (the first training stage of the committed model)")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    stats = collections.Counter()
    pairs = []  # (src tokens, tgt tokens, source name, original row)

    def add(name, sentence, tree, row):
        try:
            src, tgt = example(sentence, tree)
        except ParseError:
            stats["dropped:" + name] += 1
            return
        if not args.no_style:
            src = [STYLE[name]] + src
        pairs.append((src, tgt, name, row))
        stats["kept:" + name] += 1

    for rel in LIFTED_JSONL:
        for line in open(os.path.join(args.data, rel)):
            r = json.loads(line)
            ls = r["logic_sentence"]
            sentence = " ".join(ls) if isinstance(ls, list) else ls
            try:
                tree = parse_formula(split_formula_tokens(r["logic_ltl"]))
            except ParseError:
                stats["unparsable:" + rel] += 1
                continue
            add(rel, sentence, tree, {"logic_sentence": sentence, "logic_ltl": r["logic_ltl"]})

    base = os.path.join(args.data, LIFTED_TXT)
    srcs = open(os.path.join(base, "src.txt")).read().split("\n\n\n")
    tars = open(os.path.join(base, "tar.txt")).read().split("\n\n\n")
    for s, t in zip(srcs, tars):
        s, t = s.strip(), t.strip()
        if not s or not t:
            continue
        try:
            tree = parse_formula(split_formula_tokens(t))
        except ParseError:
            stats["unparsable:lifted_txt"] += 1
            continue
        add("lifted_txt", s.replace("\n", " "), tree, {"logic_sentence": s, "logic_ltl": t})

    pdir = os.path.join(args.data, PREORDER_DIR)
    for fn in sorted(os.listdir(pdir)):
        for line in open(os.path.join(pdir, fn)):
            r = json.loads(line)
            try:
                tree = preorder_to_tree(r["logic_ltl"])
            except (ParseError, StopIteration, ValueError):
                stats["unparsable:preorder"] += 1
                continue
            sentence = " ".join(r["logic_sentence"])
            add("preorder", sentence, tree, {"logic_sentence": sentence,
                                             "logic_ltl": " ".join(print_formula(tree))})

    navi_heldout = []
    for line in open(os.path.join(args.data, NAVI)):
        r = json.loads(line)
        full = " ".join(r["sentence"])
        if bucket(full, "navi") < args.navi_heldout_percent:
            navi_heldout.append(r)
            continue
        try:
            tree = parse_formula(split_formula_tokens(r["logic_ltl"]))
        except ParseError:
            stats["unparsable:navi"] += 1
            continue
        add("navi", " ".join(r["logic_sentence"]), tree,
            {"logic_sentence": r["logic_sentence"], "logic_ltl": r["logic_ltl"]})

    heldout_lifted = set()
    for r in navi_heldout:
        heldout_lifted.add(" ".join(lift_sentence(tokenize_sentence(" ".join(r["logic_sentence"])))[0]))

    # Majority label per lifted source; ties resolved by first seen.
    by_src = collections.defaultdict(collections.Counter)
    first_row = {}
    for src, tgt, name, row in pairs:
        k = " ".join(src)
        by_src[k][" ".join(tgt)] += 1
        first_row.setdefault(k, (name, row))
    train, dev = [], []
    for k, counter in by_src.items():
        tgt = counter.most_common(1)[0][0]
        if len(counter) > 1:
            stats["conflicting_labels"] += 1
        if (k.split(" ", 1)[1] if k.startswith("<") else k) in heldout_lifted:
            stats["excluded_navi_heldout"] += 1
            continue
        plain = k.split(" ", 1)[1] if k.startswith("<") else k
        (dev if bucket(plain, "dev") < args.dev_percent else train).append((k, tgt, first_row[k]))

    with open(os.path.join(args.out, "train.tsv"), "w") as f:
        for k, tgt, _ in train:
            f.write(k + "\t" + tgt + "\n")
    with open(os.path.join(args.out, "dev.tsv"), "w") as f:
        for k, tgt, _ in dev:
            f.write(k + "\t" + tgt + "\n")
    # The dev rows in the original lifted format, for `nesy eval nl2tl` on the same split.
    # Only NL2TL-convention rows: `nesy eval` reads lifted rows in that convention; the navigation
    # rows are measured end to end from navi_heldout.jsonl instead.
    with open(os.path.join(args.out, "dev_lifted.jsonl"), "w") as f:
        for _, _, (name, row) in dev:
            if name != "navi":
                f.write(json.dumps(row) + "\n")
    with open(os.path.join(args.out, "navi_heldout.jsonl"), "w") as f:
        for r in navi_heldout:
            f.write(json.dumps(r) + "\n")
    stats["train"] = len(train)
    stats["dev"] = len(dev)
    stats["navi_heldout"] = len(navi_heldout)
    json.dump(dict(stats), open(os.path.join(args.out, "stats.json"), "w"), indent=1)
    print(json.dumps(dict(stats), indent=1))


if __name__ == "__main__":
    main()
