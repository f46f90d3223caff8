"""Trains the formula-aware MWP seq2seq model on 1 CPU thread within a wall-clock budget.

usage: python3 train.py --minutes 45 [--out ../work/mwp]
Keeps the checkpoint with the best dev (answer + logic) accuracy; dev is carved from valid.json.
"""
import argparse
import collections
import copy
import json
import math
import os
import random
import sys
import time
from fractions import Fraction

import torch
import torch.nn.functional as F

import mwptext as m
from model import Seq2Seq

HERE = os.path.dirname(os.path.abspath(__file__))
OPS = list(m.OPS)
MAX_TGT = 40


def build_vocab(data):
    max_nums = data["max_nums"]
    nums = ["N%d" % i for i in range(max_nums)]
    count = collections.Counter(t for e in data["examples"] if e["split"] != "dev" for t in e["tokens"])
    src = ["<pad>", "<unk>"] + nums + sorted(t for t, c in count.items() if c >= 2 and t not in nums)
    consts = data["consts"]
    inp = ["<pad>", "<bos>"] + OPS + consts + nums
    formulas = {int(k): v for k, v in data["formulas"].items()}
    out = ["C" + o for o in OPS] + ["F%d" % k for k in sorted(formulas)] + consts + nums
    out_op = {("C" + o): o for o in OPS}
    out_op.update({"F%d" % k: op for k, op in formulas.items()})
    return {"src": src, "in": inp, "out": out, "out_op": out_op, "consts": consts, "max_nums": max_nums}


class Codec:
    def __init__(self, vocab):
        self.v = vocab
        self.src = {t: i for i, t in enumerate(vocab["src"])}
        self.inp = {t: i for i, t in enumerate(vocab["in"])}
        self.out = {t: i for i, t in enumerate(vocab["out"])}
        n = len(vocab["out"])
        # Target classes: one per output token, then one per operator ("some formula of op").
        groups = torch.zeros(n + len(OPS), n, dtype=torch.bool)
        groups[torch.arange(n), torch.arange(n)] = True
        for tok, op in vocab["out_op"].items():
            groups[n + OPS.index(op), self.out[tok]] = True
        self.groups = groups
        self.is_op = torch.tensor([t in vocab["out_op"] for t in vocab["out"]])
        self.num_index = torch.tensor([int(t[1:]) if t.startswith("N") else -1 for t in vocab["out"]])

    def encode_src(self, tokens):
        return [self.src.get(t, 1) for t in tokens][:256]

    def encode_tgt(self, target):
        ins, outs = [self.inp["<bos>"]], []
        n = len(self.v["out"])
        for t in target:
            if t[0] == "?":
                outs.append(n + OPS.index(t[1]))
                ins.append(self.inp[t[1]])
            else:
                outs.append(self.out[t])
                ins.append(self.inp[self.v["out_op"].get(t, t)])
        return ins[:-1], outs


def batches(items, size, rng):
    items = sorted(items, key=lambda e: len(e[0]) + rng.random() * 8)
    chunks = [items[i:i + size] for i in range(0, len(items), size)]
    rng.shuffle(chunks)
    return chunks


def pad(seqs, value=0):
    n = max(len(s) for s in seqs)
    return torch.tensor([s + [value] * (n - len(s)) for s in seqs])


def greedy(model, codec, srcs, nums_counts):
    """Constrained greedy decoding, batched: well-formed prefix trees over the problem's numbers."""
    src = pad(srcs)
    src_pad = (src == 0).float()
    mem = model.encode(src, src_pad)
    b = len(srcs)
    need = [1] * b
    ins = [[codec.inp["<bos>"]] for _ in range(b)]
    outs = [[] for _ in range(b)]
    for t in range(MAX_TGT):
        if all(k == 0 for k in need):
            break
        logits = model.decode(torch.tensor(ins), mem, src_pad)[:, -1, :]
        for i in range(b):
            if need[i] == 0:
                ins[i].append(0)
                continue
            mask = (codec.num_index < nums_counts[i])
            mask = mask | (codec.num_index < 0)
            if t + 1 + need[i] + 1 > MAX_TGT:
                mask = mask & ~codec.is_op
            k = int(torch.argmax(logits[i].masked_fill(~mask, -1e9)))
            tok = codec.v["out"][k]
            outs[i].append(tok)
            need[i] += 1 if tok in codec.v["out_op"] else -1
            ins[i].append(codec.inp[codec.v["out_op"].get(tok, tok)])
    return outs


def structural(codec, toks):
    return [codec.v["out_op"].get(t, t) for t in toks]


def value_of(codec, structure, nums):
    values = {"N%d" % i: m.number_value(n) for i, n in enumerate(nums)}
    for c in codec.v["consts"]:
        values[c] = Fraction(c)
    try:
        return m.eval_prefix(structure, values)
    except (ZeroDivisionError, KeyError, ValueError, IndexError, OverflowError):
        return None


def evaluate(model, codec, dev):
    model.eval()
    n = ans = form = logic = 0
    with torch.no_grad():
        for i in range(0, len(dev), 50):
            chunk = dev[i:i + 50]
            preds = greedy(model, codec, [codec.encode_src(e["tokens"]) for e in chunk], [len(e["nums"]) for e in chunk])
            for e, p in zip(chunk, preds):
                n += 1
                gs, ps = structural(codec, e["target"]), structural(codec, p)
                gv, pv = value_of(codec, gs, e["nums"]), value_of(codec, ps, e["nums"])
                ans += int(gv is not None and pv is not None and abs(float(gv) - float(pv)) < 1e-4 * max(1, abs(float(gv))))
                form += int(gs == ps)
                logic += int(e["target"] == p)
    model.train()
    return {"n": n, "answer_acc": ans / n, "formula_acc": form / n, "logic_acc": logic / n}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--minutes", type=float, default=45)
    ap.add_argument("--out", default=os.path.join(HERE, "..", "work", "mwp"))
    ap.add_argument("--d", type=int, default=192)
    ap.add_argument("--layers", type=int, default=3)
    ap.add_argument("--labelled-repeat", type=int, default=6)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--eval-every", type=int, default=600)
    ap.add_argument("--resume", help="continue from this checkpoint with a fresh learning-rate schedule")
    ap.add_argument("--ema", type=float, default=0.0, help="evaluate and save an exponential moving average of the weights with this decay (0: off)")
    args = ap.parse_args()
    torch.set_num_threads(1)
    torch.manual_seed(0)
    rng = random.Random(0)
    data = json.load(open(os.path.join(args.out, "data.json"), encoding="utf-8"))
    vocab = build_vocab(data)
    codec = Codec(vocab)
    train = [e for e in data["examples"] if e["split"] != "dev"]
    dev = [e for e in data["examples"] if e["split"] == "dev"]
    items = []
    for e in train:
        src = codec.encode_src(e["tokens"])
        ins, outs = codec.encode_tgt(e["target"])
        for _ in range(args.labelled_repeat if e["src"] == "intermwp" else 1):
            items.append((src, ins, outs))
    cfg = {"d": args.d, "heads": 4, "ff": args.d * 8 // 3, "enc_layers": args.layers, "dec_layers": args.layers}
    model = Seq2Seq(len(vocab["src"]), len(vocab["in"]), len(vocab["out"]), dropout=0.1, **cfg)
    if args.resume:
        ck = torch.load(args.resume, map_location="cpu")
        if ck["vocab"] != vocab or ck["cfg"] != cfg:
            sys.exit("--resume: the checkpoint was trained with another vocabulary or size")
        model.load_state_dict(ck["state"])
    print("params", sum(p.numel() for p in model.parameters()), "items", len(items), file=sys.stderr, flush=True)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    # With --ema the running average, not the last step's weights, is what is evaluated and saved as best.pt.
    averaged = copy.deepcopy(model) if args.ema else model

    def save(dev_result):
        torch.save({"state": averaged.state_dict(), "cfg": cfg, "vocab": vocab, "dev": dev_result, "step": step,
                    "seconds": time.time() - start}, os.path.join(args.out, "best.pt"))

    budget = args.minutes * 60
    start = time.time()
    step, best, epoch = 0, -1.0, 0
    if args.resume:
        # Only an improvement on the resumed checkpoint replaces best.pt.
        best = ck["dev"]["answer_acc"] + ck["dev"]["logic_acc"]
    groups = codec.groups
    while time.time() - start < budget:
        epoch += 1
        total, count = 0.0, 0
        for chunk in batches(items, args.batch, rng):
            elapsed = time.time() - start
            if elapsed >= budget:
                break
            lr = args.lr * min(1.0, (step + 1) / 400) * max(0.03, 0.5 * (1 + math.cos(math.pi * elapsed / budget)))
            for g in opt.param_groups:
                g["lr"] = lr
            src = pad([c[0] for c in chunk])
            tin = pad([c[1] for c in chunk])
            tout = pad([c[2] for c in chunk], -1)
            src_pad = (src == 0).float()
            logits = model.decode(tin, model.encode(src, src_pad), src_pad)
            logp = F.log_softmax(logits, dim=-1)
            valid = tout >= 0
            allowed = groups[tout.clamp(min=0)]
            nll = -torch.logsumexp(logp.masked_fill(~allowed, -1e9), dim=-1)
            loss = (nll * valid).sum() / valid.sum()
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            if args.ema:
                with torch.no_grad():
                    for a, p in zip(averaged.parameters(), model.parameters()):
                        a.mul_(args.ema).add_(p.detach(), alpha=1 - args.ema)
            step += 1
            total += float(loss)
            count += 1
            if step % args.eval_every == 0 or time.time() - start >= budget:
                r = evaluate(averaged, codec, dev)
                score = r["answer_acc"] + r["logic_acc"]
                print("step %d epoch %d %.0fs loss %.3f lr %.2e dev %s" % (step, epoch, time.time() - start, total / max(count, 1), lr, json.dumps(r)), file=sys.stderr, flush=True)
                if score > best:
                    best = score
                    save(r)
        print("epoch %d done %.0fs loss %.3f" % (epoch, time.time() - start, total / max(count, 1)), file=sys.stderr, flush=True)
    r = evaluate(averaged, codec, dev)
    print("final dev", json.dumps(r), file=sys.stderr, flush=True)
    if r["answer_acc"] + r["logic_acc"] > best:
        save(r)


if __name__ == "__main__":
    main()
