"""Seconds PyTorch takes to record every hidden layer of a ResNet-18 over N images, as neuralgraph's onnxruntime bench does.

Usage: python3 torch_hidden_layers.py IMAGES.f32 N  -> prints "torch <best seconds of 3> <layers>".
IMAGES.f32: N x 3 x 32 x 32 float32 (the digits as neuralgraph feeds them: 2-pixel border, grey on 3 channels).
The model is torchvision's resnet18(num_classes=10) as sample-models/onnx/make-onnx.py --full exports it (seed 0, eval
mode); a forward hook on every nn.ReLU (BasicBlock calls its ReLU twice: after bn1 and after the residual sum; with the
stem's, 17 hidden layers) stores each channel's mean over the positions, the unit value neuralgraph records, into one
preallocated N x channels array per layer. Batches of 256, OMP_NUM_THREADS threads (2 when unset), no autograd.
Prints a line starting with "skip:" and exits 0 when torch or torchvision is not importable.
"""
import os, sys, time

try:
    import numpy as np
    import torch
    import torchvision
except ImportError:
    print("skip: torch or torchvision is not importable by", sys.executable)
    sys.exit(0)


def main(path, n):
    torch.set_num_threads(int(os.environ.get("OMP_NUM_THREADS", "2")))
    x = torch.from_numpy(np.fromfile(path, dtype=np.float32).reshape(n, 3, 32, 32))
    torch.manual_seed(0)
    model = torchvision.models.resnet18(num_classes=10).eval()
    out, at = [], [0, 0]  # recorded arrays; [next layer, first sample of the batch]

    def hook(module, inputs, o):
        k = at[0]
        if len(out) <= k:
            out.append(np.empty((n, o.shape[1]), dtype=np.float32))
        out[k][at[1]:at[1] + o.shape[0]] = o.mean(dim=(2, 3)).numpy()
        at[0] += 1

    for m in model.modules():
        if isinstance(m, torch.nn.ReLU):
            m.register_forward_hook(hook)

    def record():
        with torch.no_grad():
            for start in range(0, n, 256):
                at[0], at[1] = 0, start
                model(x[start:start + 256])

    record()  # warm-up
    best = min(timed(record) for _ in range(3))
    print("torch %.3f %d" % (best, len(out)))


def timed(f):
    t0 = time.perf_counter()
    f()
    return time.perf_counter() - t0


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
