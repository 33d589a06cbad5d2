#!/usr/bin/python3
"""The peer of ResNetBench: networkx building the same weighted directed graph from the same edge list held in numpy.

    networkx_build.py EDGES NODES   # EDGES: int32 sources, int32 targets, float64 weights, one block each, little-endian

Prints "networkx build S" with the best of 3 seconds of DiGraph(); add_nodes_from; add_weighted_edges_from."""
import sys
import time

import networkx as nx
import numpy as np

raw = open(sys.argv[1], "rb").read()
nodes = int(sys.argv[2])
m = len(raw) // 16
src = np.frombuffer(raw, dtype="<i4", count=m)
dst = np.frombuffer(raw, dtype="<i4", count=m, offset=4 * m)
w = np.frombuffer(raw, dtype="<f8", count=m, offset=8 * m)
best = float("inf")
for _ in range(3):
    t = time.perf_counter()
    g = nx.DiGraph()
    g.add_nodes_from(range(nodes))
    g.add_weighted_edges_from(zip(src.tolist(), dst.tolist(), w.tolist()))
    best = min(best, time.perf_counter() - t)
    assert g.number_of_edges() == m
print("networkx build %.2f" % best)
