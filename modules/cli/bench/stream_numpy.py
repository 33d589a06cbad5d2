"""The streaming bench's peer (issue 25, item 4): from the same ONNX file, with python onnx + numpy only, the weight
graph's in/out degree and strength of every node, per-layer weight statistics (count, mean, std, min, max, |w|
quantiles) and the disparity backbone (Serrano, Boguna, Vespignani 2009, Eq. 2: alpha = (1 - w/s)^(k - 1) at the source
among its out-edges and at the target among its in-edges, kept when the smaller is below the level; degree-1 ends never
significant). Weight matrices only: each MatMul/Gemm initializer (and the token embedding, Gather) is one layer whose
rows feed its columns; the nodes of consecutive layers are joined by position as the MLP and the transformer's blocks
chain them (a layer's inputs are the previous layer's outputs, residual streams shared), which for degree and strength
per matrix gives the same per-edge alphas as the full graph when every node belongs to one matrix side. It does not
build the Java tool's exact node identities; it prints its figures and seconds for the ratio.
Run: /usr/bin/python3 stream_numpy.py MODEL.onnx [alpha]"""
import sys
import time

import numpy as np
import onnx
from onnx import numpy_helper


def matrices(path):
    m = onnx.load(path)
    inits = {i.name: i for i in m.graph.initializer}
    out = []
    for n in m.graph.node:
        if n.op_type in ("MatMul", "Gemm", "Gather"):
            for k, name in enumerate(n.input):
                if name in inits and len(inits[name].dims) == 2:
                    w = numpy_helper.to_array(inits[name]).astype(np.float32)
                    if n.op_type == "Gemm" and any(a.name == "transB" and a.i == 1 for a in n.attribute):
                        w = w.T
                    out.append((n.name, w))  # [in, out]
    return out


def main():
    path = sys.argv[1]
    level = float(sys.argv[2]) if len(sys.argv) > 2 else 0.05
    t0 = time.time()
    mats = matrices(path)
    t_read = time.time() - t0
    edges = 0
    kept = 0
    rows = []
    for name, w in mats:
        a = np.abs(w).astype(np.float64)
        k_out, s_out = a.shape[1], a.sum(axis=1)  # source i: out-edges are row i
        k_in, s_in = a.shape[0], a.sum(axis=0)    # target j: in-edges are column j
        with np.errstate(divide="ignore", invalid="ignore"):
            alpha_src = np.where(s_out[:, None] > 0, (1.0 - a / s_out[:, None]) ** (k_out - 1), 1.0) if k_out > 1 else np.ones_like(a)
            alpha_dst = np.where(s_in[None, :] > 0, (1.0 - a / s_in[None, :]) ** (k_in - 1), 1.0) if k_in > 1 else np.ones_like(a)
        keep = np.minimum(alpha_src, alpha_dst) < level
        del alpha_src, alpha_dst
        q = np.quantile(a, [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99])
        rows.append((name, a.size, float(w.mean(dtype=np.float64)), float(w.std(dtype=np.float64)), float(w.min()), float(w.max()),
                     int(keep.sum()), float(a[keep].sum()), float(a.sum()), q))
        edges += a.size
        kept += int(keep.sum())
        # degree and strength distributions
        np.bincount(np.full(a.shape[0], k_out)), np.histogram(np.log10(s_out[s_out > 0]), bins=50)
        np.bincount(np.full(a.shape[1], k_in)), np.histogram(np.log10(s_in[s_in > 0]), bins=50)
    t = time.time() - t0
    for r in rows:
        print("layer %s edges %d mean %.4g std %.4g min %.4g max %.4g kept %d (|w| %.1f %%) median|w| %.4g" % (
            r[0], r[1], r[2], r[3], r[4], r[5], r[6], 100 * r[7] / r[8], r[9][3]))
    print("numpy: %d weight edges, %d kept at alpha %g, read %.1f s, total %.1f s" % (edges, kept, level, t_read, t))


if __name__ == "__main__":
    main()
