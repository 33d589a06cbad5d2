#!/usr/bin/python3
"""Writes the PyTorch-exported ONNX test models of OnnxNetworksTest with torch.onnx.export itself (Debian: apt-get
install python3-torch python3-onnx; torch 1.13, default opset 14), and what PyTorch computes with them.

    /usr/bin/python3 make_torch_onnx.py      # in this directory; rewrites the files below

torch_mlp.onnx    Darnell and Leonard's MLP 784-50-50-50-10, ReLU, dropout 0.2 after each hidden layer (the project's
                  mlp-seed000 preset), logits out as nn.CrossEntropyLoss wants them; torch.manual_seed(0).
                  Exported in eval mode, so the dropout leaves no node. Input [batch, 1, 28, 28], torch.flatten.
torch_lenet.onnx  Darnell and Leonard's LeNet (the project's lenet preset): conv 5x5 6, ReLU, max-pool 2, conv 5x5 16, ReLU,
                  max-pool 2, x.view(-1, 256), dense 120, 84 (ReLU), 10, log_softmax as PyTorch's MNIST example;
                  torch.manual_seed(0). Input [batch, 1, 28, 28].
torch_nf7.onnx    the net-fragment study's model 7 (NetFragmentModels.spec(7, 3)): conv 3x3 2, ReLU, max-pool 2 (7x7 -> 3x3),
                  conv 3x3 4, ReLU, flatten, dense 12 ReLU, dense 10, softmax; torch.manual_seed(3). Input [batch, 1, 9, 9].
torch_options.onnx the options DL4J's layers express: conv 3x3 stride 2 padding 1, LeakyReLU(0.1), average pool 2,
                  conv 3x3 padding 2 dilation 2, tanh, max-pool 2 with ceil_mode (same size here), flatten, dense 8
                  without bias, sigmoid, dense 3 (logits); torch.manual_seed(5). Input [batch, 1, 16, 16].

The weights are PyTorch's default initialisation (untrained): the tests compare values, not accuracy.

<name>.expected.csv  one line per parameter in the order of the layers: name,dim1xdim2x...,values (ONNX's row-major
                     order, %.9g: exact for float32).
<name>.io.csv        PyTorch's forward pass in eval mode on four fixed inputs (the first three images of the shipped
                     MNIST sample, then uniform noise from numpy seed 7; for torch_nf7 and torch_options four noise images): the line
                     "input" holds the inputs, then one line per hidden layer after its activation (a convolution's
                     before its pooling), named as the project names layers (conv_1, dense_1, ...), then "output",
                     each as name,4xshape...,values.
"""
import gzip
import os

import numpy as np
import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
MNIST = os.path.join(HERE, "..", "..", "..", "..", "..", "..", "sample-models", "mnist", "images-idx3-ubyte.gz")


def line(name, a):
    a = np.asarray(a, dtype=np.float32)
    return name + "," + "x".join(str(d) for d in a.shape) + "," + " ".join("%.9g" % v for v in a.ravel()) + "\n"


def inputs(shape):
    """Four inputs [4, 1, h, w]: the first three MNIST sample images (pixels / 255) when h = w = 28, then noise."""
    rng = np.random.default_rng(7)
    h, w = shape
    x = rng.uniform(0, 1, size=(4, 1, h, w)).astype(np.float32)
    if (h, w) == (28, 28):
        with gzip.open(MNIST, "rb") as f:
            raw = f.read()
        n = int.from_bytes(raw[4:8], "big")
        assert n >= 3 and raw[8:16] == (28).to_bytes(4, "big") * 2
        x[:3, 0] = np.frombuffer(raw[16:16 + 3 * 784], dtype=np.uint8).reshape(3, 28, 28).astype(np.float32) / 255
    return torch.from_numpy(x)


class Mlp(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1, self.fc2 = torch.nn.Linear(784, 50), torch.nn.Linear(50, 50)
        self.fc3, self.fc4 = torch.nn.Linear(50, 50), torch.nn.Linear(50, 10)
        self.drop = torch.nn.Dropout(0.2)

    def forward(self, x):
        self.acts = {}
        x = torch.flatten(x, 1)
        for k, fc in enumerate([self.fc1, self.fc2, self.fc3]):
            x = torch.relu(fc(x))
            self.acts["dense_%d" % (k + 1)] = x
            x = self.drop(x)
        return self.fc4(x)


class LeNet(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1, self.conv2 = torch.nn.Conv2d(1, 6, 5), torch.nn.Conv2d(6, 16, 5)
        self.fc1, self.fc2, self.fc3 = torch.nn.Linear(256, 120), torch.nn.Linear(120, 84), torch.nn.Linear(84, 10)

    def forward(self, x):
        self.acts = {}
        x = torch.relu(self.conv1(x))
        self.acts["conv_1"] = x
        x = torch.relu(self.conv2(F.max_pool2d(x, 2)))
        self.acts["conv_2"] = x
        x = F.max_pool2d(x, 2).view(-1, 16 * 4 * 4)
        x = torch.relu(self.fc1(x))
        self.acts["dense_1"] = x
        x = torch.relu(self.fc2(x))
        self.acts["dense_2"] = x
        return F.log_softmax(self.fc3(x), dim=1)


class NetFragment7(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1, self.conv2 = torch.nn.Conv2d(1, 2, 3), torch.nn.Conv2d(2, 4, 3)
        self.fc1, self.fc2 = torch.nn.Linear(4, 12), torch.nn.Linear(12, 10)

    def forward(self, x):
        self.acts = {}
        x = torch.relu(self.conv1(x))
        self.acts["conv_1"] = x
        x = torch.relu(self.conv2(torch.nn.functional.max_pool2d(x, 2)))
        self.acts["conv_2"] = x
        x = torch.relu(self.fc1(torch.flatten(x, 1)))
        self.acts["dense_1"] = x
        return torch.softmax(self.fc2(x), dim=1)


class Options(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = torch.nn.Conv2d(1, 3, 3, stride=2, padding=1)
        self.conv2 = torch.nn.Conv2d(3, 4, 3, padding=2, dilation=2)
        self.fc1, self.fc2 = torch.nn.Linear(16, 8, bias=False), torch.nn.Linear(8, 3)

    def forward(self, x):
        self.acts = {}
        x = F.leaky_relu(self.conv1(x), 0.1)
        self.acts["conv_1"] = x
        x = torch.tanh(self.conv2(F.avg_pool2d(x, 2)))
        self.acts["conv_2"] = x
        x = torch.sigmoid(self.fc1(torch.flatten(F.max_pool2d(x, 2, ceil_mode=True), 1)))
        self.acts["dense_1"] = x
        return self.fc2(x)


def export(name, net, size):
    net.eval()
    torch.onnx.export(net, torch.zeros(1, 1, *size), name + ".onnx", input_names=["input"], output_names=["output"],
                      dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}})
    with open(name + ".expected.csv", "w") as f:
        for n, p in net.named_parameters():
            f.write(line(n, p.detach().numpy()))
    x = inputs(size)
    with torch.no_grad():
        y = net(x)
    with open(name + ".io.csv", "w") as f:
        f.write(line("input", x.numpy()))
        for n, a in net.acts.items():
            f.write(line(n, a.numpy()))
        f.write(line("output", y.numpy()))
    print(name + ".onnx", os.path.getsize(name + ".onnx"), "bytes")


if __name__ == "__main__":
    os.chdir(HERE)
    torch.manual_seed(0)
    export("torch_mlp", Mlp(), (28, 28))
    torch.manual_seed(0)
    export("torch_lenet", LeNet(), (28, 28))
    torch.manual_seed(3)
    export("torch_nf7", NetFragment7(), (9, 9))
    torch.manual_seed(5)
    export("torch_options", Options(), (16, 16))
