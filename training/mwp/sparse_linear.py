"""The sparse linear softmax models of the formula labeller (labeller.py) and the shape prior
(shape.py): one weight per (string feature, class), trained full-batch with Adam from zero weights,
and written as a table of the weights large enough to matter. src/neural/sparseLinear.ts scores them."""
import argparse
import os

import torch
import torch.nn.functional as F


def train_softmax(rows, n_features, y, n_classes, l2, epochs, mask=None):
    """rows: feature ids (below n_features) per example; y: class per example; mask (examples × classes, bool): the
    classes each example may take. Returns the per-feature weights, the biases, the final loss and the
    share of examples the model fits."""
    idx = torch.tensor([i for r in rows for i in r])
    offsets = torch.tensor([0] + [len(r) for r in rows][:-1]).cumsum(0)
    y = torch.tensor(y)
    emb = torch.nn.EmbeddingBag(n_features, n_classes, mode="sum")
    torch.nn.init.zeros_(emb.weight)
    bias = torch.nn.Parameter(torch.zeros(n_classes))
    opt = torch.optim.Adam(list(emb.parameters()) + [bias], lr=0.05)

    def logits():
        z = emb(idx, offsets) + bias
        return z if mask is None else z.masked_fill(~mask, -1e9)

    for _ in range(epochs):
        opt.zero_grad()
        loss = F.cross_entropy(logits(), y) + l2 * (emb.weight ** 2).sum()
        loss.backward()
        opt.step()
    with torch.no_grad():
        fit = float((logits().argmax(-1) == y).float().mean())
    return emb.weight.detach(), bias.detach(), float(loss), fit


def weight_table(vocab, weights, prune):
    """{feature: [[class, weight], ...]} in vocab order, keeping the weights of magnitude ≥ prune."""
    table = {}
    for name, row in vocab.items():
        keep = (weights[row].abs() >= prune).nonzero().flatten().tolist()
        if keep:
            table[name] = [[k, round(float(weights[row][k]), 3)] for k in keep]
    return table


def parse_paths(name):
    """The command line of a model script: the prepared data, the seq2seq model's description (mwp.json),
    where the model goes (models/mwp/NAME.json) and its cross-language checks (test/fixtures/mwp/NAME-checks.json)."""
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.path.join(root, "training", "work", "mwp", "data.json"))
    ap.add_argument("--meta", default=os.path.join(root, "models", "mwp", "mwp.json"))
    ap.add_argument("--out", default=os.path.join(root, "models", "mwp", name + ".json"))
    ap.add_argument("--checks", default=os.path.join(root, "test", "fixtures", "mwp", name + "-checks.json"))
    return ap.parse_args()


def segment_logsumexp(s, segment, n):
    """logsumexp of s within each segment (segment ids below n); -inf for empty segments."""
    top = torch.full((n,), -float("inf")).scatter_reduce(0, segment, s, reduce="amax", include_self=True)
    safe = torch.where(torch.isfinite(top), top, torch.zeros_like(top))
    total = torch.zeros(n).index_add(0, segment, torch.exp(s - safe[segment].detach()))
    return torch.log(total) + safe.detach()


def train_ranker(features, offsets, problem, gold, n_features, l2, epochs, lr=0.05):
    """A linear ranker over candidates: each problem's candidates compete in one softmax, and the loss is
    minus the log of the probability of its gold candidates together (those whose value is the answer).
    features, offsets (one more than candidates), problem (candidate → problem) and gold (0/1) are int
    tensors. Problems with no gold candidate are left out. Returns the weights (one per feature), the
    final loss, and the share of problems whose best candidate is gold."""
    problem = problem.long()
    gold = gold.bool()
    n = int(problem.max()) + 1
    has_gold = torch.zeros(n, dtype=torch.bool)
    has_gold[problem[gold]] = True
    emb = torch.nn.EmbeddingBag(n_features, 1, mode="sum")
    torch.nn.init.zeros_(emb.weight)
    opt = torch.optim.Adam(emb.parameters(), lr=lr)
    bag_offsets = offsets[:-1].long()
    idx = features.long()
    loss = torch.tensor(0.0)
    for _ in range(epochs):
        opt.zero_grad()
        s = emb(idx, bag_offsets).squeeze(-1)
        nll = (segment_logsumexp(s, problem, n) - segment_logsumexp(s[gold], problem[gold], n))[has_gold].mean()
        loss = nll + l2 * (emb.weight ** 2).sum()
        loss.backward()
        opt.step()
    with torch.no_grad():
        s = emb(idx, bag_offsets).squeeze(-1)
        best = torch.full((n,), -float("inf")).scatter_reduce(0, problem, s, reduce="amax", include_self=True)
        top_gold = torch.full((n,), -float("inf")).scatter_reduce(0, problem[gold], s[gold], reduce="amax", include_self=True)
        fit = float((top_gold >= best)[has_gold].float().mean())
    return emb.weight.detach().squeeze(-1), float(loss), fit
