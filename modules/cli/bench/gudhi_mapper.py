"""Seconds to build the Mapper of a point cloud with gudhi, on the same points and parameters as the Java benchmark.

Usage: python3 gudhi_mapper.py POINTS_CSV EPSILON [INTERVALS [OVERLAP]]
  POINTS_CSV  one point per line, comma-separated (the Java benchmark writes 1,280 points in R^25)
  EPSILON     single-linkage cut: two points of a cover element are in one cluster when a chain of steps of length
              <= EPSILON joins them (Euclidean), the threshold the Java run used
  INTERVALS   per lens coordinate (default 10); OVERLAP the gain (default 0.5)

The lens is the projection on the first 2 (or 1) principal components, computed here with numpy (SVD of the centred
points) and included in the timed work, as the Java side computes its PCA lens inside the Mapper. Every figure is the
best of 5 runs after a warm-up. Lines printed, one per measurement:

  <name> <seconds> <nodes> <edges> <what was run>

  mapper2d    gudhi.cover_complex.MapperComplex (gudhi >= 3.8): filters = the 2 PCA coordinates, resolutions
              [INTERVALS, INTERVALS], gains [OVERLAP, OVERLAP], clustering single linkage at EPSILON
  standin2d   when MapperComplex is missing (Debian's gudhi 3.7.1 has none): the same steps written here, not gudhi's
              code: numpy cover (intervals widened by gain R / (2 - 2 gain), as gudhi and the Java side), the single
              linkage per cover element, the nerve inserted into a gudhi.SimplexTree point by point as MapperComplex does
  nerve1d     gudhi.CoverComplex (gudhi's C++ Nerve/GIC module, in every version): type "Nerve", function = the first
              PCA coordinate, INTERVALS intervals, gain OVERLAP, graph = Rips graph at EPSILON (so the clusters of an
              interval are the connected components of the EPSILON-graph on its points: single linkage at EPSILON);
              run in a temporary directory, since gudhi caches the distance matrix in a file "matrix_dist" in the
              working directory and reads it back, stale or not, when it exists

Single linkage is scikit-learn's AgglomerativeClustering(linkage="single", distance_threshold=EPSILON,
n_clusters=None) when scikit-learn is importable, else connected components of the EPSILON-graph with scipy (the same
clusters); a line "clustering: ..." says which. Lines starting with "skip:" say what could not be run and why; the
script exits 0 either way.
"""
import importlib
import os
import sys
import tempfile
import time

try:
    import numpy as np
except ImportError:
    print("skip: numpy is not importable by", sys.executable)
    sys.exit(0)
try:
    import gudhi
except ImportError:
    print("skip: gudhi is not importable by", sys.executable, "(Debian: apt-get install python3-gudhi)")
    sys.exit(0)

RUNS = 5


class EpsilonComponents:
    """Single linkage cut at epsilon without scikit-learn: components of the graph of pairs at distance <= epsilon."""

    def __init__(self, epsilon):
        self.epsilon = epsilon

    def fit_predict(self, x):
        from scipy.sparse import csr_matrix
        from scipy.sparse.csgraph import connected_components
        from scipy.spatial.distance import cdist
        adjacency = csr_matrix(cdist(x, x) <= self.epsilon)
        return connected_components(adjacency, directed=False)[1]


def single_linkage(epsilon):
    try:
        from sklearn.cluster import AgglomerativeClustering
        import sklearn
    except ImportError:
        try:
            import scipy  # noqa: F401
        except ImportError:
            return None, "none: neither scikit-learn nor scipy is importable"
        return EpsilonComponents(epsilon), "connected components of the epsilon-graph (scipy; scikit-learn is not importable)"
    # distance_threshold: clusters at or above it are not merged; a hair above epsilon merges at <= epsilon as Java does
    threshold = np.nextafter(epsilon, np.inf)
    return (AgglomerativeClustering(n_clusters=None, linkage="single", distance_threshold=threshold),
            "scikit-learn %s AgglomerativeClustering(linkage='single', distance_threshold=%.6g)" % (sklearn.__version__, epsilon))


def pca(x, components):
    centred = x - x.mean(axis=0)
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    return centred @ vt[:components].T


def best(work, setup=lambda: None):
    setup()
    work()
    times = []
    out = None
    for _ in range(RUNS):
        setup()
        t0 = time.perf_counter()
        out = work()
        times.append(time.perf_counter() - t0)
    return min(times), out


def skeleton_counts(st):
    nodes = edges = 0
    for simplex, _ in st.get_skeleton(1):
        if len(simplex) == 1:
            nodes += 1
        else:
            edges += 1
    return nodes, edges


def mapper_complex(x, epsilon, intervals, overlap, clustering):
    from gudhi.cover_complex import MapperComplex

    def work():
        lens = pca(x, 2)
        m = MapperComplex(resolutions=[intervals, intervals], gains=[overlap, overlap], clustering=clustering)
        return m.fit(x, filters=lens).simplex_tree_

    seconds, st = best(work)
    return seconds, skeleton_counts(st)


def stand_in(x, epsilon, intervals, overlap, clustering):
    def work():
        lens = pca(x, 2)
        n = len(x)
        masks = []
        for d in range(2):
            f = lens[:, d]
            lo, hi = f.min(), f.max()
            r = (hi - lo) / intervals
            e = overlap * r / (2 - 2 * overlap)
            m = np.empty((intervals, n), dtype=bool)
            for j in range(intervals):
                m[j] = (f >= lo + j * r - e) & (f < lo + (j + 1) * r + e)
            m[intervals - 1] |= f == hi
            masks.append(m)
        cover = [[] for _ in range(n)]
        node = 0
        for j1 in range(intervals):
            for j2 in range(intervals):
                idx = np.flatnonzero(masks[0][j1] & masks[1][j2])
                if len(idx) == 0:
                    continue
                labels = clustering.fit_predict(x[idx]) if len(idx) > 1 else np.zeros(1, dtype=int)
                for p, c in zip(idx, labels):
                    cover[p].append(node + int(c))
                node += int(labels.max()) + 1
        st = gudhi.SimplexTree()
        for c in cover:
            st.insert(c)
        return st

    seconds, st = best(work)
    return seconds, skeleton_counts(st)


def nerve_1d(x, epsilon, intervals, overlap):
    """gudhi's GIC caches the distance matrix in a file "matrix_dist" in the working directory and reads it back when the
    file exists, whatever points it was written for: main() works in a fresh directory, and the file is removed (untimed)
    before every run, so that every run computes the distances as the Java side does."""
    cloud = x.tolist()

    def fresh():
        if os.path.exists("matrix_dist"):
            os.remove("matrix_dist")

    def work():
        f = pca(x, 1)[:, 0].tolist()
        nerve = gudhi.CoverComplex()
        nerve.set_verbose(False)
        nerve.set_point_cloud_from_range(cloud)
        nerve.set_type("Nerve")
        nerve.set_graph_from_rips(epsilon)
        nerve.set_function_from_range(f)
        nerve.set_color_from_range(f)
        nerve.set_resolution_with_interval_number(intervals)
        nerve.set_gain(overlap)
        nerve.set_cover_from_function()
        nerve.find_simplices()
        return nerve.create_simplex_tree()

    seconds, st = best(work, fresh)
    fresh()
    return seconds, skeleton_counts(st)


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    x = np.loadtxt(argv[1], delimiter=",", ndmin=2)
    epsilon = float(argv[2])
    intervals = int(argv[3]) if len(argv) > 3 else 10
    overlap = float(argv[4]) if len(argv) > 4 else 0.5
    print("points: %d x %d, epsilon %.6g, %d intervals, overlap %g; gudhi %s, numpy %s, python %s"
          % (x.shape[0], x.shape[1], epsilon, intervals, overlap, gudhi.__version__, np.__version__, sys.version.split()[0]))
    clustering, how = single_linkage(epsilon)
    print("clustering:", how)
    if clustering is None:
        print("skip: mapper2d, standin2d: no single-linkage clustering available")
    else:
        try:
            has_mapper = hasattr(importlib.import_module("gudhi.cover_complex"), "MapperComplex")
        except ImportError:
            has_mapper = False
        if has_mapper:
            s, (v, e) = mapper_complex(x, epsilon, intervals, overlap, clustering)
            print("mapper2d %.4f %d %d gudhi.cover_complex.MapperComplex, 2 PCA filters, resolutions [%d, %d], gains [%g, %g]"
                  % (s, v, e, intervals, intervals, overlap, overlap))
        else:
            print("skip: mapper2d: gudhi %s has no gudhi.cover_complex.MapperComplex (added in gudhi 3.8)" % gudhi.__version__)
            s, (v, e) = stand_in(x, epsilon, intervals, overlap, clustering)
            print("standin2d %.4f %d %d MapperComplex's steps written in this script (numpy cover, per-element single linkage, "
                  "gudhi.SimplexTree nerve), 2 PCA lenses, %d x %d, overlap %g" % (s, v, e, intervals, intervals, overlap))
    if hasattr(gudhi, "CoverComplex"):
        home = os.getcwd()
        with tempfile.TemporaryDirectory(prefix="gudhi-mapper-") as work_dir:
            os.chdir(work_dir)
            try:
                s, (v, e) = nerve_1d(x, epsilon, intervals, overlap)
            finally:
                os.chdir(home)
        print("nerve1d %.4f %d %d gudhi.CoverComplex (C++) Nerve, first PCA coordinate, %d intervals, gain %g, Rips graph at epsilon"
              % (s, v, e, intervals, overlap))
    else:
        print("skip: nerve1d: gudhi %s has no CoverComplex" % gudhi.__version__)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
