#!/usr/bin/python3
"""Writes the ONNX models of today's architectures that the tests load, exported by PyTorch itself, and what PyTorch
computes inside them (Debian: apt-get install python3-torch python3-torchvision python3-onnx; torch 1.13).

    /usr/bin/python3 sample-models/onnx/make-onnx.py            # the small models below, into this folder
    /usr/bin/python3 sample-models/onnx/make-onnx.py --full DIR # also the full-size ones, for the bench (not committed)

Small models (width-reduced, committed; PyTorch's default initialisation, torch.manual_seed(0): the tests compare
values, not accuracy):

resnet-narrow.onnx      torchvision's ResNet-18 topology (BasicBlock, [2, 2, 2, 2], 1x1 projection shortcuts) with widths
                        8-16-32-64 instead of 64-128-256-512, 10 classes, input [batch, 3, 32, 32]; exported as a user
                        would (eval mode, opset 13): PyTorch folds every BatchNormalization into its convolution.
resnet-narrow-bn.onnx   the same network, exported with training=PRESERVE: the BatchNormalization nodes stay.
mobilenet-narrow.onnx   torchvision's mobilenet_v2(width_mult=0.25, num_classes=10), input [batch, 3, 32, 32]: depthwise
                        convolutions, inverted residuals, ReLU6 as Clip.
transformer-13.onnx     two nn.TransformerEncoderLayer(d_model=64, nhead=4, dim_feedforward=128, GELU, batch_first) over the
                        28 rows of a 28x28 image: Linear(28, 64) embedding plus an nn.Embedding of the row position, mean
                        over rows, Linear(64, 10); opset 13, so LayerNorm is decomposed (ReduceMean, Sub, Pow, Sqrt, Div)
                        and GELU is Erf. Input [batch, 1, 28, 28].
transformer-17.onnx     the same network at opset 17: fused LayerNormalization.
densenet-mini.onnx      a DenseNet-like block (Huang et al. 2017): each layer's output is concatenated to its input
                        (Concat), a grouped 3x3 convolution (groups 2), Hardswish, ReLU6, a local 2x2 average pool, a
                        global average pool and a Linear classifier. Input [batch, 1, 28, 28].

NAME.reference.csv   PyTorch's forward pass in eval mode on two inputs (uniform noise, numpy seed 7): the line "input",
                     then one line per hooked module "name,2xshape...,values" (%.9g, exact for float32). Each hooked
                     module's output is a tensor of the ONNX graph named after the module (e.g. "layer1.0", "enc.layers.1")
                     and "output" is the graph's output: the model was exported with those tensors as extra outputs, which
                     were then removed from the graph's outputs, so only their names remain.

Full size (--full DIR): resnet18.onnx (torchvision resnet18, 10 classes, 3x32x32), mobilenet_v2.onnx and transformer.onnx
(d_model 64, 4 heads, dim_feedforward 2048 as nn.TransformerEncoderLayer's default), as a new user exports them.
"""
import io
import os
import sys

import numpy as np
import onnx
import torch
import torch.nn as nn
import torchvision
from torchvision.models.resnet import BasicBlock

HERE = os.path.dirname(os.path.abspath(__file__))


class NarrowResNet(torchvision.models.ResNet):
    """torchvision's ResNet with other widths: its __init__ fixes 64-128-256-512, so the stem and the four stages are
    rebuilt with torchvision's own BasicBlock and _make_layer."""

    def __init__(self, widths=(8, 16, 32, 64), classes=10):
        super().__init__(BasicBlock, [2, 2, 2, 2], num_classes=classes)
        self.inplanes = widths[0]
        self.conv1 = nn.Conv2d(3, widths[0], kernel_size=7, stride=2, padding=3, bias=False)
        self.bn1 = nn.BatchNorm2d(widths[0])
        self.layer1 = self._make_layer(BasicBlock, widths[0], 2)
        self.layer2 = self._make_layer(BasicBlock, widths[1], 2, stride=2)
        self.layer3 = self._make_layer(BasicBlock, widths[2], 2, stride=2)
        self.layer4 = self._make_layer(BasicBlock, widths[3], 2, stride=2)
        self.fc = nn.Linear(widths[3], classes)
        for m in self.modules():  # untrained BN would be the identity: give it running statistics to fold
            if isinstance(m, nn.BatchNorm2d):
                m.running_mean.uniform_(-0.5, 0.5)
                m.running_var.uniform_(0.5, 2.0)
                m.weight.data.uniform_(0.5, 1.5)
                m.bias.data.uniform_(-0.2, 0.2)


class RowTransformer(nn.Module):
    def __init__(self, d=64, heads=4, ff=128, layers=2):
        super().__init__()
        self.emb = nn.Linear(28, d)
        self.pos = nn.Embedding(28, d)
        self.enc = nn.TransformerEncoder(nn.TransformerEncoderLayer(d, heads, ff, 0.0, activation="gelu", batch_first=True), layers)
        self.head = nn.Linear(d, 10)

    def forward(self, x):
        h = self.emb(x.reshape(x.shape[0], 28, 28)) + self.pos(torch.arange(28))
        return self.head(self.enc(h).mean(dim=1))


class DenseLayer(nn.Module):
    """BN-free DenseNet layer: 1x1 conv, Hardswish, grouped 3x3 conv (groups 2), ReLU6; its output is concatenated."""

    def __init__(self, cin, growth):
        super().__init__()
        self.a = nn.Conv2d(cin, 2 * growth, 1)
        self.b = nn.Conv2d(2 * growth, growth, 3, padding=1, groups=2)

    def forward(self, x):
        return torch.cat([x, nn.functional.relu6(self.b(nn.functional.hardswish(self.a(x))))], 1)


class DenseNetMini(nn.Module):
    def __init__(self):
        super().__init__()
        self.stem = nn.Conv2d(1, 8, 3, padding=1)
        self.dense1 = DenseLayer(8, 4)
        self.dense2 = DenseLayer(12, 4)
        self.pool = nn.AvgPool2d(2)
        self.fc = nn.Linear(16, 10)

    def forward(self, x):
        h = self.pool(self.dense2(self.dense1(torch.relu(self.stem(x)))))
        return self.fc(torch.flatten(nn.functional.adaptive_avg_pool2d(h, 1), 1))


def line(name, a):
    a = np.asarray(a, dtype=np.float32)
    return name + "," + "x".join(str(d) for d in a.shape) + "," + " ".join("%.9g" % v for v in a.ravel()) + "\n"


class Probe(nn.Module):
    """The model, returning the hooked modules' outputs beside its own, so that the export names those tensors."""

    def __init__(self, model, names):
        super().__init__()
        self.model, self.names, self.seen = model, names, {}
        for n in names:
            model.get_submodule(n).register_forward_hook(lambda m, i, o, n=n: self.seen.__setitem__(n, o))

    def forward(self, x):
        y = self.model(x)
        return (y,) + tuple(self.seen[n] for n in self.names)


def export(model, shape, name, hooks, opset=13, **kw):
    torch.manual_seed(0)
    model.eval()
    x = torch.from_numpy(np.random.default_rng(7).uniform(0, 1, size=(2,) + shape).astype(np.float32))
    probe = Probe(model, hooks)
    with torch.no_grad():
        outs = probe(x)
    buf = io.BytesIO()
    torch.onnx.export(probe, x, buf, opset_version=opset, input_names=["input"], output_names=["output"] + hooks,
                      dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}}, **kw)
    m = onnx.load_from_string(buf.getvalue())
    keep = [o for o in m.graph.output if o.name == "output"]
    del m.graph.output[:]
    m.graph.output.extend(keep)
    onnx.checker.check_model(m)
    onnx.save(m, os.path.join(HERE, name + ".onnx"))
    with open(os.path.join(HERE, name + ".reference.csv"), "w") as f:
        f.write(line("input", x))
        for n, o in zip(hooks, outs[1:]):
            f.write(line(n, o))
        f.write(line("output", outs[0]))
    print(name, os.path.getsize(os.path.join(HERE, name + ".onnx")), "bytes")


def small():
    torch.manual_seed(0)
    res = NarrowResNet()
    blocks = ["relu", "maxpool"] + ["layer%d.%d" % (s, b) for s in range(1, 5) for b in range(2)] + ["avgpool"]
    export(res, (3, 32, 32), "resnet-narrow", blocks)
    export(res, (3, 32, 32), "resnet-narrow-bn", blocks, training=torch.onnx.TrainingMode.PRESERVE)
    torch.manual_seed(0)
    mob = torchvision.models.mobilenet_v2(width_mult=0.25, num_classes=10)
    export(mob, (3, 32, 32), "mobilenet-narrow", ["features.%d" % i for i in range(19)])
    torch.manual_seed(0)
    tr = RowTransformer()
    hooks = ["emb", "enc.layers.0", "enc.layers.1"]
    export(tr, (1, 28, 28), "transformer-13", hooks, opset=13)
    export(tr, (1, 28, 28), "transformer-17", hooks, opset=17)
    torch.manual_seed(0)
    export(DenseNetMini(), (1, 28, 28), "densenet-mini", ["stem", "dense1", "dense2", "pool"])


def full(out):
    os.makedirs(out, exist_ok=True)
    torch.manual_seed(0)
    for name, model, shape in (("resnet18", torchvision.models.resnet18(num_classes=10), (1, 3, 32, 32)),
                               ("mobilenet_v2", torchvision.models.mobilenet_v2(num_classes=10), (1, 3, 32, 32)),
                               ("transformer", RowTransformer(64, 4, 2048), (1, 1, 28, 28))):
        model.eval()
        torch.onnx.export(model, torch.zeros(shape), os.path.join(out, name + ".onnx"), opset_version=13,
                          input_names=["input"], output_names=["output"], dynamic_axes={"input": {0: "batch"}})
        print(name, os.path.getsize(os.path.join(out, name + ".onnx")), "bytes")


if __name__ == "__main__":
    small()
    if len(sys.argv) == 3 and sys.argv[1] == "--full":
        full(sys.argv[2])
