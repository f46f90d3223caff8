"""Stores the weights of exported ONNX models as float16, in place; the models still compute in float32.

usage: /usr/bin/python3 training/onnx_fp16.py MODEL.onnx [MODEL.onnx ...]

Every float32 initializer with at least MIN_ELEMENTS elements becomes a float16 initializer named
NAME.fp16 followed by a Cast node back to float32 under its old name, so the graph is unchanged and
onnxruntime folds the casts once when it loads the model. That halves the files, which compress
poorly, at the cost of rounding each weight to 11 significant bits; the parity tests rebuild PyTorch
from these same rounded weights. Running it twice changes nothing.
"""
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


def main():
    for path in sys.argv[1:]:
        print("%s: %d weights stored as float16" % (path, store_fp16(path)))


if __name__ == "__main__":
    main()
