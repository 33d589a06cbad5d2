"""Seconds per training epoch of the benchmark models (two MLPs and LeNet) in PyTorch, on the same data as the DL4J benchmark.

Usage: python3 torch_epoch.py FASHION_MNIST_DIR  -> prints "<preset> <best seconds per epoch of 3>" per model.
Same settings as neuralgraph's presets: ReLU, dropout 0.2 after each hidden layer, Adam 1e-3, batch 64,
float32, OMP_NUM_THREADS threads (2 when unset). Prints a line starting with "skip:" and exits 0 when torch is not importable.
"""
import gzip, os, struct, sys, time

try:
    import torch
    import torch.nn as nn
except ImportError:
    print("skip: torch is not importable by", sys.executable)
    sys.exit(0)


def idx(path):
    with gzip.open(path, "rb") as f:
        zero, dtype, ndim = struct.unpack(">HBB", f.read(4))
        dims = struct.unpack(">" + "I" * ndim, f.read(4 * ndim))
        return torch.frombuffer(bytearray(f.read()), dtype=torch.uint8).reshape(dims)


def main(d):
    torch.set_num_threads(int(os.environ.get("OMP_NUM_THREADS", "2")))
    torch.manual_seed(42)
    x = idx(d + "/train-images-idx3-ubyte.gz").reshape(-1, 784).float() / 255
    y = idx(d + "/train-labels-idx1-ubyte.gz").long()
    for name, hidden in (("mlp-seed000", [50, 50, 50]), ("mlp-512", [512, 512]), ("lenet", None)):
        if hidden is None:  # the lenet preset: conv 5x5 6, pool, conv 5x5 16, pool, dense 120, 84, 10
            model = nn.Sequential(nn.Unflatten(1, (1, 28, 28)), nn.Conv2d(1, 6, 5), nn.ReLU(), nn.MaxPool2d(2),
                                  nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
                                  nn.Linear(256, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, 10))
        else:
            layers, n = [], 784
            for h in hidden:
                layers += [nn.Linear(n, h), nn.ReLU(), nn.Dropout(0.2)]
                n = h
            layers.append(nn.Linear(n, 10))
            model = nn.Sequential(*layers)
        opt = torch.optim.Adam(model.parameters(), lr=1e-3)
        loss_fn = nn.CrossEntropyLoss()
        best = float("inf")
        for epoch in range(3):
            perm = torch.randperm(len(x))
            t0 = time.perf_counter()
            model.train()
            for i in range(0, len(x), 64):
                idx_b = perm[i:i + 64]
                opt.zero_grad()
                loss = loss_fn(model(x[idx_b]), y[idx_b])
                loss.backward()
                opt.step()
            best = min(best, time.perf_counter() - t0)
        print(name, "%.3f" % best)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/datasets/fashion-mnist")
