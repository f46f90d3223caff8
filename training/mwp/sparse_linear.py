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
