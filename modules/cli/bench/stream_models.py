"""Makes the ONNX models of the streaming bench (issue 25, item 4), if missing, into a directory (default /tmp/onnx-big):
  mlp-784-8000-8000-10.onnx  an MLP 784-8000-8000-10 (70.3 M weights), nn.Linear layers with ReLU
  gpt2-small.onnx            a GPT-2-small-sized transformer: nn.Embedding(50257, 768) over token ids [batch, seq] int64,
                             learned positions nn.Embedding(1024, 768), 12 nn.TransformerEncoderLayer(768, 12, 3072, GELU,
                             batch_first), a final Linear(768, 50257) tied to the token embedding (124 M parameters)
With --small DIR it writes the same architectures at toy sizes (tests): mlp-small.onnx (784-64-64-10) and gpt-tiny.onnx
(vocabulary 50, 16 positions (the exported sequence length: 16, GPT-2's 1024), d 16, 2 heads, feed-forward 32, 2 layers). Untrained weights, seed 0, opset 13.
Run with the system Python that has torch 1.13: /usr/bin/python3 stream_models.py [DIR] | --small DIR"""
import os
import sys

import torch
from torch import nn


class Gpt(nn.Module):
    def __init__(self, vocab, positions, d, heads, ff, layers):
        super().__init__()
        self.tok = nn.Embedding(vocab, d)
        self.pos = nn.Embedding(positions, d)
        self.enc = nn.TransformerEncoder(nn.TransformerEncoderLayer(d, heads, ff, 0.0, activation="gelu", batch_first=True), layers)
        self.head = nn.Linear(d, vocab, bias=False)
        self.head.weight = self.tok.weight  # tied, as GPT-2
        for q in self.parameters():  # GPT-2's initialisation, and noise on biases and norms: it makes the cloned encoder
            if q.dim() > 1:          # layers differ, which the exporter would otherwise store once (Identity nodes)
                q.data.normal_(0.0, 0.02)
            else:
                q.data.add_(torch.randn_like(q) * 0.02)

    def forward(self, ids):
        t = ids.shape[1]
        h = self.tok(ids) + self.pos(torch.arange(t).unsqueeze(0))
        return self.head(self.enc(h))


def mlp(sizes):
    layers = []
    for i in range(len(sizes) - 1):
        layers.append(nn.Linear(sizes[i], sizes[i + 1]))
        if i < len(sizes) - 2:
            layers.append(nn.ReLU())
    return nn.Sequential(*layers)


def export(model, x, path, dynamic):
    if os.path.exists(path):
        print(path, "exists", os.path.getsize(path), "bytes")
        return
    model.eval()
    tmp = path + ".part"
    torch.onnx.export(model, x, tmp, opset_version=13, input_names=["input"], output_names=["output"], dynamic_axes=dynamic)  # not under no_grad: the encoder fast path does not export
    os.replace(tmp, path)
    print(path, os.path.getsize(path), "bytes,", sum(p.numel() for p in model.parameters()), "parameters")


def make(out, small):
    os.makedirs(out, exist_ok=True)
    torch.manual_seed(0)
    sizes = (784, 64, 64, 10) if small else (784, 8000, 8000, 10)
    export(mlp(sizes), torch.zeros(1, 784), os.path.join(out, "mlp-small.onnx" if small else "mlp-784-8000-8000-10.onnx"),
           {"input": {0: "batch"}})
    torch.manual_seed(0)
    gpt = Gpt(50, 16, 16, 2, 32, 2) if small else Gpt(50257, 1024, 768, 12, 3072, 12)
    seq = 16 if small else 1024  # the whole context: the position table is folded for the exported length
    export(gpt, torch.zeros(1, seq, dtype=torch.int64), os.path.join(out, "gpt-tiny.onnx" if small else "gpt2-small.onnx"),
           {"input": {0: "batch"}})


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--small":
        make(sys.argv[2], True)
    else:
        make(sys.argv[1] if len(sys.argv) > 1 else "/tmp/onnx-big", False)
