"""Independent reference for DisparityFilterTest: a random directed weighted graph and each edge's disparity alpha
(Serrano, Boguna, Vespignani 2009, Eq. 2), computed with numpy from the paper's formula, not from the Java code.
Run: /usr/bin/python3 disparity_reference.py > disparity_reference.csv"""
import numpy as np

rng = np.random.default_rng(2009)
n, m = 40, 300
src = rng.integers(0, n, m)
dst = rng.integers(0, n, m)
w = rng.lognormal(0.0, 1.0, m).astype(np.float32).astype(np.float64)
w[:5] = w[5]  # a few ties

def side(ends):
    k = np.bincount(ends, minlength=n)
    s = np.bincount(ends, weights=w, minlength=n)
    kk, ss = k[ends], s[ends]
    a = np.ones(m)
    ok = (kk > 1) & (ss > 0)
    a[ok] = (1.0 - w[ok] / ss[ok]) ** (kk[ok] - 1)
    return a

alpha = np.minimum(side(src), side(dst))
print("src,dst,w,alpha")
for e in range(m):
    print(f"{src[e]},{dst[e]},{w[e]!r},{alpha[e]!r}")
