"""A small pre-norm Transformer encoder-decoder written with plain ops so that it exports to ONNX
cleanly and so that parity.py can rebuild it from the ONNX initializers."""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class Attention(nn.Module):
    def __init__(self, d, heads):
        super().__init__()
        self.heads = heads
        self.q = nn.Linear(d, d)
        self.k = nn.Linear(d, d)
        self.v = nn.Linear(d, d)
        self.o = nn.Linear(d, d)

    def forward(self, x, mem, bias):
        b, t, d = x.shape
        s = mem.shape[1]
        h = self.heads
        q = self.q(x).view(b, t, h, d // h).transpose(1, 2)
        k = self.k(mem).view(b, s, h, d // h).transpose(1, 2)
        v = self.v(mem).view(b, s, h, d // h).transpose(1, 2)
        att = torch.matmul(q, k.transpose(2, 3)) / math.sqrt(d // h)
        if bias is not None:
            att = att + bias
        out = torch.matmul(F.softmax(att, dim=-1), v)
        return self.o(out.transpose(1, 2).reshape(b, t, d))


class Block(nn.Module):
    def __init__(self, d, heads, ff, dropout, cross):
        super().__init__()
        self.ln1 = nn.LayerNorm(d)
        self.self_att = Attention(d, heads)
        self.cross = cross
        if cross:
            self.ln2 = nn.LayerNorm(d)
            self.cross_att = Attention(d, heads)
        self.ln3 = nn.LayerNorm(d)
        self.ff1 = nn.Linear(d, ff)
        self.ff2 = nn.Linear(ff, d)
        self.drop = nn.Dropout(dropout)

    def forward(self, x, self_bias, mem=None, mem_bias=None):
        y = self.ln1(x)
        x = x + self.drop(self.self_att(y, y, self_bias))
        if self.cross:
            x = x + self.drop(self.cross_att(self.ln2(x), mem, mem_bias))
        x = x + self.drop(self.ff2(self.drop(F.gelu(self.ff1(self.ln3(x))))))
        return x


class Seq2Seq(nn.Module):
    def __init__(self, n_src, n_in, n_out, d=192, heads=4, ff=512, enc_layers=3, dec_layers=3, dropout=0.1, max_src=256, max_tgt=64):
        super().__init__()
        self.src_emb = nn.Embedding(n_src, d)
        self.src_pos = nn.Embedding(max_src, d)
        self.tgt_emb = nn.Embedding(n_in, d)
        self.tgt_pos = nn.Embedding(max_tgt, d)
        self.enc = nn.ModuleList([Block(d, heads, ff, dropout, False) for _ in range(enc_layers)])
        self.dec = nn.ModuleList([Block(d, heads, ff, dropout, True) for _ in range(dec_layers)])
        self.enc_ln = nn.LayerNorm(d)
        self.dec_ln = nn.LayerNorm(d)
        self.out = nn.Linear(d, n_out)
        self.drop = nn.Dropout(dropout)
        self.scale = math.sqrt(d)

    def encode(self, src, src_pad):
        """src: [B,S] ids; src_pad: [B,S] float, 1 where padding."""
        pos = torch.arange(src.shape[1]).unsqueeze(0)
        x = self.drop(self.src_emb(src) * self.scale + self.src_pos(pos))
        bias = (src_pad * -1e9).unsqueeze(1).unsqueeze(1)
        for blk in self.enc:
            x = blk(x, bias)
        return self.enc_ln(x)

    def decode(self, tgt, mem, src_pad):
        """tgt: [B,T] structural ids starting with BOS; returns logits [B,T,n_out]."""
        t = tgt.shape[1]
        pos = torch.arange(t).unsqueeze(0)
        x = self.drop(self.tgt_emb(tgt) * self.scale + self.tgt_pos(pos))
        causal = torch.triu(torch.ones(t, t), diagonal=1) * -1e9
        causal = causal.unsqueeze(0).unsqueeze(0)
        mem_bias = (src_pad * -1e9).unsqueeze(1).unsqueeze(1)
        for blk in self.dec:
            x = blk(x, causal, mem, mem_bias)
        return self.out(self.dec_ln(x))


class Encoder(nn.Module):
    """ONNX graph 1: problem tokens (0 = padding) -> memory."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, src):
        return self.model.encode(src, (src == 0).float())


class StepDecoder(nn.Module):
    """ONNX graph 2, in the runtime's seq2seq signature (tgt, memory, src) -> next-token log-probs.

    tgt holds output-vocabulary ids plus two extra ids: V = end of sequence and V+1 = start. The
    graph maps them to the structural decoder inputs itself. The output has V+2 columns: the end
    token gets log 1 (the decoding constraint allows it only once the tree is complete, and then
    alone) and the start token is never chosen.
    """

    def __init__(self, model, in_of_out):
        super().__init__()
        self.model = model
        self.register_buffer("in_of_out", in_of_out)

    def forward(self, tgt, memory, src):
        logits = self.model.decode(self.in_of_out[tgt], memory, (src == 0).float())[:, -1, :]
        logp = F.log_softmax(logits, dim=-1)
        b = logp.shape[0]
        return torch.cat([logp, torch.zeros(b, 1), torch.full((b, 1), -1e9)], dim=1)


def in_of_out_table(vocab):
    """Structural decoder input for each output id, then for the end and start ids."""
    inp = {t: i for i, t in enumerate(vocab["in"])}
    ids = [inp[vocab["out_op"].get(t, t)] for t in vocab["out"]]
    return torch.tensor(ids + [inp["<pad>"], inp["<bos>"]], dtype=torch.long)
