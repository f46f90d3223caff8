"""Exports training/work/mwp/best.pt to models/mwp/{encoder,decoder}.onnx and models/mwp/mwp.json
(memory.py then writes the retrieval memory from the same checkpoint).

mwp.json carries everything inference needs besides the weights: vocabularies, constants, the
210 formulas with their operator and English gloss, and the dev metrics of this checkpoint.
"""
import argparse
import json
import os

import torch

import glossary
from model import Encoder, Seq2Seq, StepDecoder, in_of_out_table

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.environ.get("NESY_DATA", os.path.join(HERE, "..", "..", "..", "shared", "data"))


def load(checkpoint):
    ck = torch.load(checkpoint, map_location="cpu")
    v = ck["vocab"]
    model = Seq2Seq(len(v["src"]), len(v["in"]), len(v["out"]), dropout=0.0, **ck["cfg"])
    model.load_state_dict(ck["state"])
    model.eval()
    return model, ck


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--checkpoint", default=os.path.join(HERE, "..", "work", "mwp", "best.pt"))
    ap.add_argument("--out", default=os.path.join(HERE, "..", "..", "models", "mwp"))
    args = ap.parse_args()
    model, ck = load(args.checkpoint)
    os.makedirs(args.out, exist_ok=True)
    v = ck["vocab"]
    src = torch.tensor([[5, 6, 7, 8], [5, 6, 0, 0]])
    n_out = len(v["out"])
    with torch.no_grad():
        mem = Encoder(model)(src)
        torch.onnx.export(Encoder(model), (src,), os.path.join(args.out, "encoder.onnx"), opset_version=14,
                          input_names=["src"], output_names=["memory"], do_constant_folding=False,
                          dynamic_axes={"src": {0: "B", 1: "S"}, "memory": {0: "B", 1: "S"}})
        tgt = torch.tensor([[n_out + 1, 2], [n_out + 1, 3]])
        torch.onnx.export(StepDecoder(model, in_of_out_table(v)), (tgt, mem, src), os.path.join(args.out, "decoder.onnx"),
                          opset_version=14, input_names=["tgt", "memory", "src"], output_names=["logprobs"],
                          do_constant_folding=False,
                          dynamic_axes={"tgt": {0: "B", 1: "T"}, "memory": {0: "B", 1: "S"}, "src": {0: "B", 1: "S"},
                                        "logprobs": {0: "B"}})
    logic = json.load(open(os.path.join(DATA, "intermwp", "logic.json"), encoding="utf-8"))
    formulas = []
    for k in sorted(logic, key=int):
        f = logic[k]
        op = v["out_op"].get("F%s" % k) if k != "0" else None
        formulas.append({"id": int(k), "op": op, "formula": f, "gloss": glossary.gloss(f)})
    meta = {
        "format": 1,
        "config": ck["cfg"],
        "src_vocab": v["src"],
        "in_vocab": v["in"],
        "out_vocab": v["out"],
        "out_op": v["out_op"],
        "eos": n_out,
        "bos": n_out + 1,
        "consts": v["consts"],
        "max_nums": v["max_nums"],
        "max_target": 40,
        "formulas": formulas,
        "dev_metrics": ck["dev"],
        "train_steps": ck["step"],
        "train_seconds_to_best": round(ck["seconds"]),
    }
    json.dump(meta, open(os.path.join(args.out, "mwp.json"), "w", encoding="utf-8"), ensure_ascii=False, indent=1)
    print("exported", json.dumps(ck["dev"]))


if __name__ == "__main__":
    main()
