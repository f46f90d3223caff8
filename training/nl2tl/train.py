"""Trains the lifted NL -> TL seq2seq model within a wall-clock budget and keeps the best dev checkpoint.

Usage: /usr/bin/python3 training/nl2tl/train.py --data training/work/nl2tl --out training/work/nl2tl/run \
         --minutes 25 [--d 128 --enc 3 --dec 2 --ff 512 --threads 1] [--init earlier/model.pt]
"""
import argparse
import json
import math
import os
import random
import time

import torch

from constraint import Constraint
from model import PAD, Seq2Seq, train_step

SRC_SPECIALS = ["<pad>", "<unk>"] + ["prop_%d" % i for i in range(1, 11)] + ["num_%d" % i for i in range(1, 9)]
# The operators NL2TL never uses come last, so a checkpoint trained before they existed keeps its ids.
TGT_VOCAB = (["<pad>", "<bos>", "<eos>", "(", ")", "[", ",", "]", "0", "inf",
              "negation", "finally", "globally", "and", "or", "imply", "equal", "until"]
             + ["prop_%d" % i for i in range(1, 11)] + ["num_%d" % i for i in range(1, 9)]
             + ["next", "prev", "once", "historically", "weak_until", "release", "strong_release", "since"])


def read_tsv(path):
    return [tuple(x.split() for x in l.rstrip("\n").split("\t")) for l in open(path) if l.strip()]


def build_src_vocab(rows):
    words = sorted({w for s, _ in rows for w in s} - set(SRC_SPECIALS))
    return SRC_SPECIALS + words


def encode_src(tokens, index, max_len):
    return [index.get(t, 1) for t in tokens][:max_len]


def batches(rows, size, shuffle):
    order = sorted(range(len(rows)), key=lambda i: len(rows[i][0]))
    chunks = [order[i:i + size] for i in range(0, len(order), size)]
    if shuffle:
        random.shuffle(chunks)
    return chunks


def pad(seqs):
    n = max(len(s) for s in seqs)
    return torch.tensor([s + [PAD] * (n - len(s)) for s in seqs])


def count_placeholders(tokens):
    props = len({t for t in tokens if t.startswith("prop_")})
    nums = len({t for t in tokens if t.startswith("num_")})
    return props, nums


@torch.no_grad()
def greedy(model, src_rows, src_index, max_src, max_tgt=48):
    """Constrained greedy decoding, the same algorithm the TypeScript runtime uses."""
    model.eval()
    tindex = {t: i for i, t in enumerate(TGT_VOCAB)}
    results = [None] * len(src_rows)
    for chunk in batches([(s, None) for s in src_rows], 128, False):
        src = pad([encode_src(src_rows[i], src_index, max_src) for i in chunk])
        mem = model.encode(src)
        cons = [Constraint(*count_placeholders(src_rows[i])) for i in chunk]
        out = [[] for _ in chunk]
        tgt = torch.full((len(chunk), 1), tindex["<bos>"])
        for _ in range(max_tgt):
            logits = model.decode(tgt, mem, src)[:, -1]
            nxt = []
            for j, c in enumerate(cons):
                if c.state == "done":
                    nxt.append(PAD)
                    continue
                allowed = [tindex[t] for t in c.allowed()]
                row = logits[j, allowed]
                tok = allowed[int(row.argmax())]
                c.step(TGT_VOCAB[tok])
                if TGT_VOCAB[tok] != "<eos>":
                    out[j].append(TGT_VOCAB[tok])
                nxt.append(tok)
            tgt = torch.cat([tgt, torch.tensor(nxt)[:, None]], 1)
            if all(c.state == "done" for c in cons):
                break
        for j, i in enumerate(chunk):
            results[i] = out[j]
    return results


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--minutes", type=float, default=25)
    ap.add_argument("--d", type=int, default=128)
    ap.add_argument("--heads", type=int, default=4)
    ap.add_argument("--ff", type=int, default=512)
    ap.add_argument("--enc", type=int, default=3)
    ap.add_argument("--dec", type=int, default=2)
    ap.add_argument("--batch", type=int, default=48)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--word-dropout", type=float, default=0.05)
    ap.add_argument("--dropout", type=float, default=0.1)
    ap.add_argument("--extra", default="", help="extra training TSVs (synthetic pairs), comma-separated")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--epochs", type=int, default=0, help="also stop after this many epochs (0: budget only)")
    ap.add_argument("--init", default="", help="checkpoint to continue from (same data and sizes)")
    ap.add_argument("--ema", type=float, default=0.998, help="decay of the weight average that is evaluated and saved")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    random.seed(args.seed)
    os.makedirs(args.out, exist_ok=True)
    log = open(os.path.join(args.out, "log.txt"), "a")

    def say(msg):
        line = "%s %s" % (time.strftime("%H:%M:%S"), msg)
        print(line, flush=True)
        log.write(line + "\n")
        log.flush()

    train = read_tsv(os.path.join(args.data, "train.tsv"))
    for extra in filter(None, args.extra.split(",")):
        train += read_tsv(extra)
    dev = read_tsv(os.path.join(args.data, "dev.tsv"))
    src_vocab = build_src_vocab(train)
    init_state = None
    if args.init:
        # Continuing: keep the earlier vocabulary's ids and append words only the new data has.
        old = json.load(open(os.path.join(os.path.dirname(args.init), "vocab.json")))["src"]
        known = set(old)
        src_vocab = old + [w for w in src_vocab if w not in known]
        init_state = {k: v.float() for k, v in torch.load(args.init)["state"].items()}
    src_index = {w: i for i, w in enumerate(src_vocab)}
    tindex = {t: i for i, t in enumerate(TGT_VOCAB)}
    max_src = 128
    model = Seq2Seq(len(src_vocab), len(TGT_VOCAB), d=args.d, heads=args.heads, ff=args.ff,
                    enc_layers=args.enc, dec_layers=args.dec, max_src=max_src, dropout=args.dropout)
    if init_state is not None:
        # Rows for new source words and new target tokens start from the fresh initialisation.
        fresh = model.state_dict()
        for name in ("src_emb.weight", "tgt_emb.weight", "out.weight", "out.bias"):
            grown = fresh[name].detach().clone()
            grown[: init_state[name].shape[0]] = init_state[name]
            init_state[name] = grown
        model.load_state_dict(init_state)
    # An exponential moving average of the weights: a cheap stand-in for checkpoint averaging.
    ema = {k: v.detach().clone() for k, v in model.state_dict().items()}
    nparams = sum(p.numel() for p in model.parameters())
    say("train %d dev %d src vocab %d params %d" % (len(train), len(dev), len(src_vocab), nparams))
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    budget = args.minutes * 60
    start = time.time()
    steps_per_epoch = math.ceil(len(train) / args.batch)
    warmup = 300
    step = 0
    best = -1.0
    epoch = 0
    protect = set(SRC_SPECIALS)
    while time.time() - start < budget and (args.epochs == 0 or epoch < args.epochs):
        epoch += 1
        model.train()
        total = 0.0
        for chunk in batches(train, args.batch, True):
            srcs = []
            for i in chunk:
                toks = [t if t in protect or random.random() >= args.word_dropout else "<unk>"
                        for t in train[i][0]]
                srcs.append(encode_src(toks, src_index, max_src))
            tgts = [[tindex["<bos>"]] + [tindex[t] for t in train[i][1]] + [tindex["<eos>"]] for i in chunk]
            src, tgt = pad(srcs), pad(tgts)
            frac = min(1.0, (time.time() - start) / budget)
            lr = args.lr * min(1.0, (step + 1) / warmup) * (0.05 + 0.95 * 0.5 * (1 + math.cos(math.pi * frac)))
            for g in opt.param_groups:
                g["lr"] = lr
            loss = train_step(model, opt, src, tgt)
            step += 1
            total += loss.item()
            with torch.no_grad():
                for k, v in model.state_dict().items():
                    if v.dtype.is_floating_point:
                        ema[k].mul_(args.ema).add_(v, alpha=1 - args.ema)
        raw = {k: v.clone() for k, v in model.state_dict().items()}
        model.load_state_dict(ema)
        preds = greedy(model, [s for s, _ in dev], src_index, max_src)
        exact = sum(p == t for p, (_, t) in zip(preds, dev)) / len(dev)
        say("epoch %d step %d loss %.4f dev_exact %.4f elapsed %.0fs" %
            (epoch, step, total / steps_per_epoch, exact, time.time() - start))
        if exact >= best:
            best = exact
            state = {k: v.half() for k, v in model.state_dict().items()}
            torch.save({"config": model.config, "state": state}, os.path.join(args.out, "model.pt"))
            json.dump({"src": src_vocab, "tgt": TGT_VOCAB}, open(os.path.join(args.out, "vocab.json"), "w"))
        model.load_state_dict(raw)
    say("done best dev_exact %.4f after %.0fs" % (best, time.time() - start))


if __name__ == "__main__":
    main()
