#!/usr/bin/python3
"""The peer of LeidenBench: igraph's Leiden and Louvain, and its directed distances, on the same weight graph.

    igraph_communities.py EDGES NODES   # EDGES: int32 sources, int32 targets, float64 weights, one block each, little-endian

Prints one line per measurement, "NAME SECONDS VALUE...": Leiden (modularity, weighted, igraph's default 2 iterations,
resolution 1) and Louvain (community_multilevel, weighted): best of 3 seconds, seeds 0, 1, 2 in Python's random (igraph's
RNG), and the Q of each run; the directed diameter and average path length over reachable pairs (unconn=True, as
Gephi's GraphDistance), one run each (graph construction is not timed)."""
import random
import sys
import time

import igraph
import numpy as np

raw = open(sys.argv[1], "rb").read()
nodes = int(sys.argv[2])
m = len(raw) // 16
src = np.frombuffer(raw, dtype="<i4", count=m)
dst = np.frombuffer(raw, dtype="<i4", count=m, offset=4 * m)
w = np.frombuffer(raw, dtype="<f8", count=m, offset=8 * m).tolist()
edges = list(zip(src.tolist(), dst.tolist()))
u = igraph.Graph(n=nodes, edges=edges, directed=False)


def runs(name, find):
    times, qs = [], []
    for seed in range(3):
        random.seed(seed)
        t = time.perf_counter()
        p = find()
        times.append(time.perf_counter() - t)
        qs.append(u.modularity(p.membership, weights=w))
    print(name, "%.3f" % min(times), " ".join("%.5f" % q for q in qs), "communities", len(set(p.membership)))


runs("igraph-leiden", lambda: u.community_leiden(objective_function="modularity", weights=w))
runs("igraph-louvain", lambda: u.community_multilevel(weights=w))
d = igraph.Graph(n=nodes, edges=edges, directed=True)
t = time.perf_counter()
apl = d.average_path_length(directed=True, unconn=True)
t_apl = time.perf_counter() - t
t = time.perf_counter()
dia = d.diameter(directed=True, unconn=True)
t_dia = time.perf_counter() - t
print("igraph-distances %.3f %.6f %d" % (t_apl + t_dia, apl, dia))
