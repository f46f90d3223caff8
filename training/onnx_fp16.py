"""Stores the weights of exported ONNX models as float16, in place; the models still compute in float32.

usage: /usr/bin/python3 training/onnx_fp16.py MODEL.onnx [MODEL.onnx ...]

Every float32 initializer with at least MIN_ELEMENTS elements becomes a float16 initializer named
NAME.fp16 followed by a Cast node back to float32 under its old name, so the graph is unchanged and
onnxruntime folds the casts once when it loads the model. That halves the files, which compress
poorly, at the cost of rounding each weight to 11 significant bits; the parity tests rebuild PyTorch
from these same rounded weights (load_weights). Running it twice changes nothing.
"""
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

MIN_ELEMENTS = 1024


def store_fp16(path):
    model = onnx.load(path)
    graph = model.graph
    casts, kept = [], []
    for init in graph.initializer:
        values = numpy_helper.to_array(init)
        if init.data_type != TensorProto.FLOAT or values.size < MIN_ELEMENTS:
            kept.append(init)
            continue
        half = numpy_helper.from_array(values.astype(np.float16), init.name + ".fp16")
        kept.append(half)
        casts.append(helper.make_node("Cast", [half.name], [init.name], to=TensorProto.FLOAT, name=init.name + ".cast"))
    if not casts:
        return 0
    del graph.initializer[:]
    graph.initializer.extend(kept)
    nodes = list(graph.node)
    del graph.node[:]
    graph.node.extend(casts + nodes)
    onnx.checker.check_model(model)
    onnx.save(model, path)
    return len(casts)


def load_weights(model, paths, prefix):
    """Loads a torch module from the initializers named PREFIX<parameter> (or PREFIX<parameter>.fp16, as
    store_fp16 writes them) of the given ONNX files, so that PyTorch computes with exactly the shipped
    weights; exits naming the parameters the files lack."""
    import torch

    state = {}
    for path in paths:
        for init in onnx.load(path).graph.initializer:
            if init.name.startswith(prefix):
                key = init.name[len(prefix):].removesuffix(".fp16")
                state[key] = torch.from_numpy(numpy_helper.to_array(init).astype(np.float32))
    missing = set(model.state_dict()) - set(state)
    if missing:
        sys.exit("%s lack %s" % (", ".join(os.path.basename(p) for p in paths), sorted(missing)[:5]))
    model.load_state_dict(state)
    model.eval()


def main():
    for path in sys.argv[1:]:
        print("%s: %d weights stored as float16" % (path, store_fp16(path)))


if __name__ == "__main__":
    main()
