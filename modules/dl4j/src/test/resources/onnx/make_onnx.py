#!/usr/bin/python3
"""Writes the ONNX test models of OnnxModelsTest with the onnx.helper API (Debian: apt-get install python3-onnx).

    /usr/bin/python3 make_onnx.py      # in this directory; rewrites the files below

mlp.onnx   784-50-50-50-10 MLP as PyTorch exports nn.Linear: Gemm with transB=1 (W stored [out, in]), Relu between,
           seeded weights in raw_data (little-endian float32).
cnn.onnx   Conv(1->4, 3x3) Relu MaxPool(2) Flatten MatMul(676x16)+Add Tanh Dropout Gemm(16->10, transB=0) Softmax,
           tensors in float_data.
lstm.onnx  one LSTM node named "encoder_lstm": an operator the weight graph does not read.
external.onnx  a Gemm whose weight lives in an external file (refused).
(torch_*.onnx, exported by PyTorch itself, come from make_torch_onnx.py.)
*.expected.csv one line per initializer: name,dim1xdim2x...,values (ONNX's row-major order, %.9g: exact for float32).
"""
import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OPSET = [helper.make_opsetid("", 13)]


def write_expected(path, tensors):
    with open(path, "w") as f:
        for name, a in tensors:
            f.write(name + "," + "x".join(str(d) for d in a.shape) + "," + " ".join("%.9g" % v for v in a.ravel()) + "\n")


def save(model, path):
    onnx.checker.check_model(model)
    onnx.save(model, path)


def mlp(rng):
    sizes = [784, 50, 50, 50, 10]
    nodes, inits, expected = [], [], []
    x = "input"
    for k in range(4):
        w = rng.uniform(-0.1, 0.1, size=(sizes[k + 1], sizes[k])).astype(np.float32)  # [out, in] like nn.Linear
        b = rng.uniform(-0.1, 0.1, size=(sizes[k + 1],)).astype(np.float32)
        wn, bn = "fc%d.weight" % (k + 1), "fc%d.bias" % (k + 1)
        inits += [numpy_helper.from_array(w, wn), numpy_helper.from_array(b, bn)]
        expected += [(wn, w), (bn, b)]
        y = "/fc%d/Gemm_output_0" % (k + 1)
        nodes.append(helper.make_node("Gemm", [x, wn, bn], [y], name="/fc%d/Gemm" % (k + 1), alpha=1.0, beta=1.0, transB=1))
        x = y
        if k < 3:
            y = "/relu%d/Relu_output_0" % (k + 1)
            nodes.append(helper.make_node("Relu", [x], [y], name="/relu%d/Relu" % (k + 1)))
            x = y
    nodes.append(helper.make_node("Identity", [x], ["output"], name="/Identity"))
    graph = helper.make_graph(nodes, "mlp_seed000", [helper.make_tensor_value_info("input", TensorProto.FLOAT, ["batch", 784])],
                              [helper.make_tensor_value_info("output", TensorProto.FLOAT, ["batch", 10])], inits)
    save(helper.make_model(graph, opset_imports=OPSET, producer_name="make_onnx.py"), "mlp.onnx")
    write_expected("mlp.expected.csv", expected)


def float_data(name, a):
    return helper.make_tensor(name, TensorProto.FLOAT, a.shape, a.ravel().tolist(), raw=False)


def cnn(rng):
    conv_w = rng.uniform(-0.5, 0.5, size=(4, 1, 3, 3)).astype(np.float32)
    conv_b = rng.uniform(-0.1, 0.1, size=(4,)).astype(np.float32)
    mm_w = rng.uniform(-0.05, 0.05, size=(676, 16)).astype(np.float32)  # MatMul: [in, out]
    add_b = rng.uniform(-0.1, 0.1, size=(16,)).astype(np.float32)
    out_w = rng.uniform(-0.3, 0.3, size=(16, 10)).astype(np.float32)    # Gemm transB=0: [in, out]
    out_b = rng.uniform(-0.1, 0.1, size=(10,)).astype(np.float32)
    named = [("conv.weight", conv_w), ("conv.bias", conv_b), ("fc.weight", mm_w), ("fc.bias", add_b),
             ("out.weight", out_w), ("out.bias", out_b)]
    nodes = [
        helper.make_node("Conv", ["input", "conv.weight", "conv.bias"], ["c"], name="conv", kernel_shape=[3, 3]),
        helper.make_node("Relu", ["c"], ["r"], name="relu"),
        helper.make_node("MaxPool", ["r"], ["p"], name="pool", kernel_shape=[2, 2], strides=[2, 2]),
        helper.make_node("Flatten", ["p"], ["f"], name="flatten", axis=1),
        helper.make_node("MatMul", ["f", "fc.weight"], ["m"], name="fc_matmul"),
        helper.make_node("Add", ["m", "fc.bias"], ["a"], name="fc_add"),
        helper.make_node("Tanh", ["a"], ["t"], name="tanh"),
        helper.make_node("Dropout", ["t"], ["d"], name="dropout"),
        helper.make_node("Gemm", ["d", "out.weight", "out.bias"], ["g"], name="out"),
        helper.make_node("Softmax", ["g"], ["output"], name="softmax", axis=1),
    ]
    graph = helper.make_graph(nodes, "tiny_cnn", [helper.make_tensor_value_info("input", TensorProto.FLOAT, ["batch", 1, 28, 28])],
                              [helper.make_tensor_value_info("output", TensorProto.FLOAT, ["batch", 10])],
                              [float_data(n, a) for n, a in named])
    save(helper.make_model(graph, opset_imports=OPSET, producer_name="make_onnx.py"), "cnn.onnx")
    write_expected("cnn.expected.csv", named)


def lstm(rng):
    hidden, inputs = 2, 3
    w = rng.uniform(-0.1, 0.1, size=(1, 4 * hidden, inputs)).astype(np.float32)
    r = rng.uniform(-0.1, 0.1, size=(1, 4 * hidden, hidden)).astype(np.float32)
    node = helper.make_node("LSTM", ["input", "W", "R"], ["y"], name="encoder_lstm", hidden_size=hidden)
    graph = helper.make_graph([node], "lstm", [helper.make_tensor_value_info("input", TensorProto.FLOAT, [5, 1, inputs])],
                              [helper.make_tensor_value_info("y", TensorProto.FLOAT, [5, 1, 1, hidden])],
                              [numpy_helper.from_array(w, "W"), numpy_helper.from_array(r, "R")])
    save(helper.make_model(graph, opset_imports=OPSET, producer_name="make_onnx.py"), "lstm.onnx")


def external():
    w = TensorProto(name="w", data_type=TensorProto.FLOAT, dims=[2, 3])
    w.data_location = TensorProto.EXTERNAL
    entry = w.external_data.add()
    entry.key, entry.value = "location", "weights.bin"
    node = helper.make_node("Gemm", ["input", "w"], ["output"], name="fc", transB=1)
    graph = helper.make_graph([node], "external", [helper.make_tensor_value_info("input", TensorProto.FLOAT, ["batch", 3])],
                              [helper.make_tensor_value_info("output", TensorProto.FLOAT, ["batch", 2])], [w])
    onnx.save(helper.make_model(graph, opset_imports=OPSET, producer_name="make_onnx.py"), "external.onnx")


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    mlp(rng)
    cnn(rng)
    lstm(rng)
    external()
