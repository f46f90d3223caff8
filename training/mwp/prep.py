"""Builds training/work/mwp/data.json from the shared data.

Sources: InterMWP valid.json (formula-labelled; split here into train/dev), Math23K
(expressions only) and MAWPS+ASDiv-A English problems (expressions only). Operators without a
formula label become `?op` targets: the loss then sums over every formula of that operator.
"""
import collections
import csv
import json
import os
import random
import sys
from fractions import Fraction

import mwptext as m

DATA = os.environ.get("NESY_DATA", os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "data"))
OUT = os.path.join(os.path.dirname(__file__), "..", "work", "mwp")
MAX_NUMS = 16
DEV_SIZE = 200


def load_logic():
    logic = json.load(open(os.path.join(DATA, "intermwp", "logic.json"), encoding="utf-8"))
    formulas = {}
    for k, v in logic.items():
        k = int(k)
        if k == 0:
            continue
        rhs = v.split("=", 1)[1]
        op = next(c for c in rhs if c in m.OPS)
        formulas[k] = op
    return formulas


def interp_targets(node):
    """Prefix target tokens from an InterMWP interpretation tree."""
    op = node["op"]
    if op in m.OPS:
        tok = "C" + op if node["logic"] == 0 else "F%d" % node["logic"]
        return [tok] + interp_targets(node["left"]) + interp_targets(node["right"])
    return [op]


def map_leaves(prefix, numbers, consts):
    """Maps literal numbers to N_i (by text, then by value) or to a constant; None if impossible."""
    values = [m.number_value(n) for n in numbers]
    out = []
    for t in prefix:
        if t in m.OPS:
            out.append(t)
            continue
        if t in numbers:
            out.append("N%d" % numbers.index(t))
            continue
        v = m.number_value(t)
        if v in values:
            out.append("N%d" % values.index(v))
        elif consts is not None and t in consts:
            out.append(t)
        elif consts is None:
            out.append("CONST:" + t)
        else:
            return None
    return out


def canon_const(t):
    v = m.number_value(t)
    return str(int(v)) if v.denominator == 1 else str(float(v))


def main():
    rng = random.Random(0)
    valid = json.load(open(os.path.join(DATA, "intermwp", "valid.json"), encoding="utf-8"))
    order = list(range(len(valid)))
    rng.shuffle(order)
    dev_idx = set(order[:DEV_SIZE])
    dev_texts = {m.normalize(valid[i]["original_text"]).replace(" ", "") for i in dev_idx}
    dev_ids = {valid[i]["id"] for i in dev_idx}

    m23 = [json.loads(l) for l in open(os.path.join(DATA, "math23k", "math23k.jsonl"), encoding="utf-8")]
    m23 = [r for r in m23 if r["id"] not in dev_ids and m.normalize(r["original_text"]).replace(" ", "") not in dev_texts]

    # Constants: literal numbers of Math23K equations that the text does not contain.
    const_count = collections.Counter()
    parsed = []
    for r in m23:
        try:
            toks, nums = m.tokenize(r["original_text"])
            pre = m.tree_prefix(m.infix_to_prefix(m.infix_tokens(r["equation"][2:])))
            pre = [t if t in m.OPS else t for t in pre]
        except Exception:
            continue
        mapped = map_leaves(pre, nums, None)
        for t in mapped:
            if t.startswith("CONST:"):
                const_count[canon_const(t[6:])] += 1
        parsed.append((r, toks, nums, pre))
    consts = [c for c, n in const_count.most_common() if n >= 15]
    print("constants", consts, file=sys.stderr)

    examples = []
    skipped = collections.Counter()
    for r, toks, nums, pre in parsed:
        if len(nums) > MAX_NUMS:
            skipped["m23 many numbers"] += 1
            continue
        pre = [t if t in m.OPS or t in nums else canon_const(t) if canon_const(t) in consts else t for t in pre]
        mapped = map_leaves(pre, nums, set(consts))
        if mapped is None or len(mapped) > 40:
            skipped["m23 unmapped"] += 1
            continue
        tgt = ["?" + t if t in m.OPS else t for t in mapped]
        examples.append({"src": "m23", "split": r["split"], "tokens": toks, "nums": nums, "target": tgt, "answer": r["answer"]})

    with open(os.path.join(DATA, "english-mwp", "train.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            numbers = row["Numbers"].split()
            text = row["Question"]
            for k in sorted(range(len(numbers)), key=lambda k: -k):
                v = Fraction(numbers[k])
                text = text.replace("number%d" % k, str(v.numerator) if v.denominator == 1 else numbers[k])
            toks, nums = m.tokenize(text)
            pre = []
            for t in row["Equation"].split():
                if t.startswith("number"):
                    v = Fraction(numbers[int(t[6:])])
                    pre.append(str(v.numerator) if v.denominator == 1 else numbers[int(t[6:])])
                elif t in m.OPS:
                    pre.append(t)
                else:
                    pre.append(canon_const(t))
            mapped = map_leaves(pre, nums, set(consts))
            if mapped is None or len(nums) > MAX_NUMS:
                skipped["english unmapped"] += 1
                continue
            tgt = ["?" + t if t in m.OPS else t for t in mapped]
            examples.append({"src": "en", "split": "train", "tokens": toks, "nums": nums, "target": tgt, "answer": float(row["Answer"])})

    for i, r in enumerate(valid):
        toks, nums = m.tokenize(r["original_text"])
        tgt = interp_targets(r["interpretation"])
        for t in tgt:
            if t[0] not in "CFN" and t not in consts:
                consts.append(t)
        examples.append({"src": "intermwp", "split": "dev" if i in dev_idx else "train", "id": r["id"],
                         "tokens": toks, "nums": nums, "target": tgt})

    print("skipped", dict(skipped), file=sys.stderr)
    print(collections.Counter((e["src"], e["split"]) for e in examples), file=sys.stderr)
    os.makedirs(OUT, exist_ok=True)
    json.dump({"consts": consts, "max_nums": MAX_NUMS, "formulas": load_logic(), "examples": examples},
              open(os.path.join(OUT, "data.json"), "w", encoding="utf-8"), ensure_ascii=False)
    json.dump({"dev_ids": sorted(valid[i]["id"] for i in dev_idx)}, open(os.path.join(os.path.dirname(__file__), "dev_split.json"), "w"), indent=0)
    # The dev problems in their original InterMWP format, for `nesy eval mwp --data`.
    json.dump([valid[i] for i in sorted(dev_idx)], open(os.path.join(OUT, "dev.json"), "w", encoding="utf-8"), ensure_ascii=False)


if __name__ == "__main__":
    main()
