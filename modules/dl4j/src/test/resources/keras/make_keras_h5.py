#!/usr/bin/python3
"""Writes the Keras test models of KerasModelsTest with h5py alone (Debian: apt-get install python3-h5py python3-numpy).

No Keras or TensorFlow installation is reachable here, so the files are written in the HDF5 layout that Keras 2's
model.save(path) writes (keras/saving/hdf5_format.py, save_model_to_hdf5 and save_weights_to_hdf5_group): root
attributes keras_version, backend and model_config (the model's get_config() as JSON, class_name "Sequential"),
optionally training_config; group model_weights with attributes layer_names, keras_version and backend, one group per
layer with attribute weight_names and the datasets under those names (kernel:0, bias:0). Dense kernels are
[in, out], Conv2D kernels [height, width, in, out]; channels_last, so Flatten orders a map height, width, channel.
The forward passes that the tests compare against are computed here with numpy in Keras's semantics.

    /usr/bin/python3 make_keras_h5.py      # in this directory; rewrites the files below

keras_mlp.h5         Dense 16 ReLU on 784 inputs, Dropout 0.2, Dense 10 softmax; with a training_config
                     (categorical cross-entropy), numpy seed 1.
keras_cnn.h5         on 28x28x1: Conv2D 4 5x5 ReLU, MaxPooling2D 2, Conv2D 3 3x3 ReLU, MaxPooling2D 2, Flatten (5x5x3),
                     Dropout 0.5, Dense 10 softmax; no training_config; numpy seed 2.
keras_options.h5     on 10x10x2 (two channels): Conv2D 3 3x3 padding "same" without activation, Activation tanh,
                     AveragePooling2D 2, Flatten (5x5x3), Dense 4 ReLU, Dense 3 softmax; numpy seed 4. Its inputs are
                     noise, stored (like every input here) channel-major, the project's order.
keras_functional.h5  a functional-API model (class_name "Functional"): refused, the project reads Sequential models.
not_keras.h5         an HDF5 file with a dataset and no model_config: refused.
keras_forged.h5      keras_mlp's configuration whose first kernel declares 100000 x 100000 values that the file does not
                     hold (HDF5 allocates storage late): refused before DL4J would allocate 40 GB for it.
<name>.io.csv        four inputs (the first three images of the shipped MNIST sample, then uniform noise, numpy seed
                     7) and the activation after every layer with weights (conv_1, conv_2, dense_1, output; a
                     convolution's in channel, height, width order, before pooling), as name,shape,values.
<name>.expected.csv  the weights as Keras stores them: layer/kernel:0,shape,values and layer/bias:0,...
"""
import gzip
import json
import os

import h5py
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
MNIST = os.path.join(HERE, "..", "..", "..", "..", "..", "..", "sample-models", "mnist", "images-idx3-ubyte.gz")
KERAS_VERSION = "2.4.0"


def line(name, a):
    a = np.asarray(a, dtype=np.float32)
    return name + "," + "x".join(str(d) for d in a.shape) + "," + " ".join("%.9g" % v for v in a.ravel()) + "\n"


def inputs():
    """[4, 28, 28]: three MNIST sample images (pixels / 255), then noise."""
    rng = np.random.default_rng(7)
    x = rng.uniform(0, 1, size=(4, 28, 28)).astype(np.float32)
    with gzip.open(MNIST, "rb") as f:
        raw = f.read()
    x[:3] = np.frombuffer(raw[16:16 + 3 * 784], dtype=np.uint8).reshape(3, 28, 28).astype(np.float32) / 255
    return x


def initializer(name):
    return {"class_name": name, "config": {"seed": None} if name == "GlorotUniform" else {}}


def dense(name, units, activation, input_shape=None):
    return {"class_name": "Dense", "config": {
        "name": name, "trainable": True, "dtype": "float32", "units": units, "activation": activation, "use_bias": True,
        "kernel_initializer": initializer("GlorotUniform"), "bias_initializer": initializer("Zeros"),
        "kernel_regularizer": None, "bias_regularizer": None, "activity_regularizer": None,
        "kernel_constraint": None, "bias_constraint": None}}


def conv(name, filters, k, activation, padding="valid"):
    return {"class_name": "Conv2D", "config": {
        "name": name, "trainable": True, "dtype": "float32", "filters": filters, "kernel_size": [k, k], "strides": [1, 1],
        "padding": padding, "data_format": "channels_last", "dilation_rate": [1, 1], "groups": 1, "activation": activation,
        "use_bias": True, "kernel_initializer": initializer("GlorotUniform"), "bias_initializer": initializer("Zeros"),
        "kernel_regularizer": None, "bias_regularizer": None, "activity_regularizer": None,
        "kernel_constraint": None, "bias_constraint": None}}


def pool(name, kind="MaxPooling2D"):
    return {"class_name": kind, "config": {"name": name, "trainable": True, "dtype": "float32",
                                                     "pool_size": [2, 2], "padding": "valid", "strides": [2, 2],
                                                     "data_format": "channels_last"}}


def dropout(name, rate):
    return {"class_name": "Dropout", "config": {"name": name, "trainable": True, "dtype": "float32", "rate": rate,
                                                "noise_shape": None, "seed": None}}


def activation(name, fn):
    return {"class_name": "Activation", "config": {"name": name, "trainable": True, "dtype": "float32", "activation": fn}}


def flatten(name):
    return {"class_name": "Flatten", "config": {"name": name, "trainable": True, "dtype": "float32",
                                                "data_format": "channels_last"}}


def input_layer(shape):
    return {"class_name": "InputLayer", "config": {"batch_input_shape": [None] + list(shape), "dtype": "float32",
                                                   "sparse": False, "ragged": False, "name": "input_1"}}


def save(path, class_name, layers, weights, training=True):
    """layers: the config list (InputLayer first); weights: {layer name: [(weight name, array)]} in layer order."""
    config = {"class_name": class_name, "config": {"name": "sequential" if class_name == "Sequential" else "model",
                                                   "layers": layers}}
    with h5py.File(path, "w") as f:
        f.attrs["keras_version"] = KERAS_VERSION.encode("utf8")
        f.attrs["backend"] = b"tensorflow"
        f.attrs["model_config"] = json.dumps(config).encode("utf8")
        if training:
            f.attrs["training_config"] = json.dumps({
                "loss": "categorical_crossentropy", "metrics": ["accuracy"], "weighted_metrics": None,
                "loss_weights": None, "optimizer_config": {"class_name": "Adam", "config": {
                    "name": "Adam", "learning_rate": 0.001, "decay": 0.0, "beta_1": 0.9, "beta_2": 0.999,
                    "epsilon": 1e-07, "amsgrad": False}}}).encode("utf8")
        g = f.create_group("model_weights")
        names = [l["config"]["name"] for l in layers if l["class_name"] != "InputLayer"]
        g.attrs["layer_names"] = np.array([n.encode("utf8") for n in names])
        g.attrs["backend"] = b"tensorflow"
        g.attrs["keras_version"] = KERAS_VERSION.encode("utf8")
        for n in names:
            lg = g.create_group(n)
            ws = weights.get(n, [])
            lg.attrs["weight_names"] = np.array([(n + "/" + w + ":0").encode("utf8") for w, _ in ws])
            for w, a in ws:
                lg.create_dataset(n + "/" + w + ":0", data=a.astype(np.float32))


def relu(x):
    return np.maximum(x, 0)


def softmax(x):
    e = np.exp(x - x.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def conv2d(x, k, b):
    """Keras Conv2D, valid padding, stride 1: x [n, h, w, c], k [kh, kw, c, o] -> [n, h-kh+1, w-kw+1, o]."""
    kh, kw = k.shape[:2]
    h, w = x.shape[1] - kh + 1, x.shape[2] - kw + 1
    out = np.zeros((x.shape[0], h, w, k.shape[3]), dtype=np.float64)
    for dy in range(kh):
        for dx in range(kw):
            out += np.einsum("nhwc,co->nhwo", x[:, dy:dy + h, dx:dx + w, :], k[dy, dx])
    return out + b


def avgpool2(x):
    n, h, w, c = x.shape
    h2, w2 = h // 2, w // 2
    return x[:, :2 * h2, :2 * w2, :].reshape(n, h2, 2, w2, 2, c).mean(axis=(2, 4))


def maxpool2(x):
    n, h, w, c = x.shape
    h2, w2 = h // 2, w // 2
    return x[:, :2 * h2, :2 * w2, :].reshape(n, h2, 2, w2, 2, c).max(axis=(2, 4))


def chw(x):
    """A channels_last batch as the project orders maps: [n, channels, height, width]."""
    return np.transpose(x, (0, 3, 1, 2))


def uniform(rng, shape, fan_in):
    bound = 1 / np.sqrt(fan_in)
    return rng.uniform(-bound, bound, size=shape).astype(np.float32)


def mlp():
    rng = np.random.default_rng(1)
    w1, b1 = uniform(rng, (784, 16), 784), uniform(rng, (16,), 784)
    w2, b2 = uniform(rng, (16, 10), 16), uniform(rng, (10,), 16)
    layers = [input_layer([784]), dense("dense", 16, "relu"), dropout("dropout", 0.2), dense("dense_1", 10, "softmax")]
    weights = {"dense": [("kernel", w1), ("bias", b1)], "dense_1": [("kernel", w2), ("bias", b2)]}
    save("keras_mlp.h5", "Sequential", layers, weights)
    x = inputs().reshape(4, 784).astype(np.float64)
    h = relu(x @ w1 + b1)
    y = softmax(h @ w2 + b2)
    write("keras_mlp", x.reshape(4, 1, 28, 28), [("dense_1", h), ("output", y)], weights)


def cnn():
    rng = np.random.default_rng(2)
    k1, c1 = uniform(rng, (5, 5, 1, 4), 25), uniform(rng, (4,), 25)
    k2, c2 = uniform(rng, (3, 3, 4, 3), 36), uniform(rng, (3,), 36)
    w, b = uniform(rng, (75, 10), 75), uniform(rng, (10,), 75)
    layers = [input_layer([28, 28, 1]), conv("conv2d", 4, 5, "relu"), pool("max_pooling2d"), conv("conv2d_1", 3, 3, "relu"),
              pool("max_pooling2d_1"), flatten("flatten"), dropout("dropout", 0.5), dense("dense", 10, "softmax")]
    weights = {"conv2d": [("kernel", k1), ("bias", c1)], "conv2d_1": [("kernel", k2), ("bias", c2)],
               "dense": [("kernel", w), ("bias", b)]}
    save("keras_cnn.h5", "Sequential", layers, weights, training=False)
    x = inputs()[:, :, :, None].astype(np.float64)
    a1 = relu(conv2d(x, k1, c1))
    a2 = relu(conv2d(maxpool2(a1), k2, c2))
    y = softmax(maxpool2(a2).reshape(4, -1) @ w + b)  # Flatten: height, width, channel
    write("keras_cnn", chw(x), [("conv_1", chw(a1)), ("conv_2", chw(a2)), ("output", y)], weights)


def options():
    rng = np.random.default_rng(4)
    k, c = uniform(rng, (3, 3, 2, 3), 18), uniform(rng, (3,), 18)
    w1, b1 = uniform(rng, (75, 4), 75), uniform(rng, (4,), 75)
    w2, b2 = uniform(rng, (4, 3), 4), uniform(rng, (3,), 4)
    layers = [input_layer([10, 10, 2]), conv("conv2d", 3, 3, "linear", padding="same"), activation("activation", "tanh"),
              pool("average_pooling2d", "AveragePooling2D"), flatten("flatten"), dense("dense", 4, "relu"),
              dense("dense_1", 3, "softmax")]
    weights = {"conv2d": [("kernel", k), ("bias", c)], "dense": [("kernel", w1), ("bias", b1)],
               "dense_1": [("kernel", w2), ("bias", b2)]}
    save("keras_options.h5", "Sequential", layers, weights, training=False)
    x = np.random.default_rng(7).uniform(0, 1, size=(4, 10, 10, 2))
    a1 = np.tanh(conv2d(np.pad(x, ((0, 0), (1, 1), (1, 1), (0, 0))), k, c))  # "same": one pixel of zeros around
    h = relu(avgpool2(a1).reshape(4, -1) @ w1 + b1)
    y = softmax(h @ w2 + b2)
    write("keras_options", chw(x), [("conv_1", chw(a1)), ("dense_1", h), ("output", y)], weights)


def write(name, x, acts, weights):
    with open(name + ".io.csv", "w") as f:
        f.write(line("input", x))
        for n, a in acts:
            f.write(line(n, a))
    with open(name + ".expected.csv", "w") as f:
        for layer, ws in weights.items():
            for w, a in ws:
                f.write(line(layer + "/" + w + ":0", a))


def functional():
    rng = np.random.default_rng(3)
    w, b = uniform(rng, (784, 10), 784), uniform(rng, (10,), 784)
    layers = [dict(input_layer([784]), inbound_nodes=[]),
              dict(dense("dense", 10, "softmax"), name="dense", inbound_nodes=[[["input_1", 0, 0, {}]]])]
    layers[0]["name"] = "input_1"
    config = {"class_name": "Functional", "config": {"name": "model", "layers": layers,
                                                     "input_layers": [["input_1", 0, 0]], "output_layers": [["dense", 0, 0]]}}
    with h5py.File("keras_functional.h5", "w") as f:
        f.attrs["keras_version"] = KERAS_VERSION.encode("utf8")
        f.attrs["backend"] = b"tensorflow"
        f.attrs["model_config"] = json.dumps(config).encode("utf8")
        g = f.create_group("model_weights")
        g.attrs["layer_names"] = np.array([b"input_1", b"dense"])
        g.create_group("input_1").attrs["weight_names"] = np.array([], dtype="S1")
        d = g.create_group("dense")
        d.attrs["weight_names"] = np.array([b"dense/kernel:0", b"dense/bias:0"])
        d.create_dataset("dense/kernel:0", data=w)
        d.create_dataset("dense/bias:0", data=b)


def not_keras():
    with h5py.File("not_keras.h5", "w") as f:
        f.attrs["title"] = b"measurements"
        f.create_dataset("temperature", data=np.linspace(10, 20, 50).astype(np.float32))


def forged():
    layers = [input_layer([784]), dense("dense", 16, "relu"), dense("dense_1", 10, "softmax")]
    save("keras_forged.h5", "Sequential", layers, {"dense_1": [("kernel", np.zeros((16, 10))), ("bias", np.zeros(10))]}, training=False)
    with h5py.File("keras_forged.h5", "a") as f:
        g = f["model_weights/dense"]
        g.attrs["weight_names"] = np.array([b"dense/kernel:0", b"dense/bias:0"])
        g.create_dataset("dense/kernel:0", shape=(100000, 100000), dtype="f4")
        g.create_dataset("dense/bias:0", data=np.zeros(16, dtype=np.float32))


if __name__ == "__main__":
    os.chdir(HERE)
    mlp()
    cnn()
    options()
    functional()
    not_keras()
    forged()
