#!/usr/bin/python3
"""PyTorch reference for NeuroMesh's MLP benchmark: 784-256-10, ReLU, cross-entropy, plain minibatch SGD.

Reads MNIST or Fashion-MNIST from the four uncompressed IDX files that releng/fetch-mnist.sh and
releng/fetch-fashion-mnist.sh write. Only the training loop is timed (not loading, not evaluation). Prints one line
per epoch, then one line "RESULT {json}". Run it with Debian's /usr/bin/python3 (see install-bench-deps.sh).
"""
import argparse
import json
import os
import resource
import sys
import time

import numpy as np
import torch
from torch import nn

FILES = ("train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte")


def read_idx(path, dims):
    """Reads an IDX file of unsigned bytes with the given number of dimensions."""
    with open(path, "rb") as f:
        data = f.read()
    magic = int.from_bytes(data[0:4], "big")
    if magic != 0x0800 | dims:
        sys.exit(f"torch_reference: error: {path} is not an IDX file of {dims}-dimensional unsigned bytes")
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    if len(data) != 4 + 4 * dims + int(np.prod(shape)):
        sys.exit(f"torch_reference: error: {path} has {len(data)} bytes, which does not fit its shape {shape}")
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def load(folder, split):
    images = read_idx(os.path.join(folder, f"{split}-images-idx3-ubyte"), 3)
    labels = read_idx(os.path.join(folder, f"{split}-labels-idx1-ubyte"), 1)
    x = torch.from_numpy(images.reshape(len(images), -1).astype(np.float32) / 255.0)
    return x, torch.from_numpy(labels.astype(np.int64))


def blas_library():
    """The libblas.so.3 torch loaded, e.g. openblas-openmp/libblas.so.3 (read from /proc/self/maps on Linux)."""
    try:
        with open("/proc/self/maps") as maps:
            paths = {line.split()[-1] for line in maps if line.rstrip().endswith("/libblas.so.3")}
    except OSError:
        paths = set()
    return ", ".join(sorted("/".join(path.split("/")[-2:]) for path in paths)) or "unknown"


def dataset_name(folder):
    name = os.path.basename(os.path.normpath(folder))
    return name if name in ("mnist", "fashion-mnist") else folder


def accuracy(model, x, y):
    with torch.no_grad():
        return (model(x).argmax(dim=1) == y).float().mean().item() * 100.0


def main():
    default_data = os.path.join(os.environ.get("NEUROMESH_DATA") or os.path.expanduser("~/.cache/neuromesh/datasets"),
                                "mnist")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=default_data, help="folder with the four IDX files (default: %(default)s)")
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--batch", type=int, default=128)
    parser.add_argument("--lr", type=float, default=0.1)
    parser.add_argument("--hidden", type=int, default=256)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    if min(args.epochs, args.batch, args.hidden, args.threads) < 1:
        parser.error("--epochs, --batch, --hidden and --threads must be at least 1")

    missing = [name for name in FILES if not os.path.isfile(os.path.join(args.data, name))]
    if missing:
        sys.exit(f"torch_reference: error: {args.data} lacks {', '.join(missing)}; run releng/fetch-mnist.sh or "
                 "releng/fetch-fashion-mnist.sh (uncompressed IDX files are expected)")

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    train_x, train_y = load(args.data, "train")
    test_x, test_y = load(args.data, "t10k")
    n = len(train_x)

    model = nn.Sequential(nn.Linear(train_x.shape[1], args.hidden), nn.ReLU(), nn.Linear(args.hidden, 10))
    optimizer = torch.optim.SGD(model.parameters(), lr=args.lr)
    loss_fn = nn.CrossEntropyLoss()
    shuffler = torch.Generator().manual_seed(args.seed)
    network = f"{train_x.shape[1]}-{args.hidden}-10"
    blas = blas_library()
    print(f"torch {torch.__version__} with {blas}, {args.threads} threads, {dataset_name(args.data)} ({n} train, "
          f"{len(test_x)} test), {network}, batch {args.batch}, lr {args.lr}, seed {args.seed}")

    seconds = []
    test_accuracy = 0.0
    for epoch in range(1, args.epochs + 1):
        order = torch.randperm(n, generator=shuffler)
        model.train()
        total_loss = 0.0
        start = time.perf_counter()
        for first in range(0, n, args.batch):
            batch = order[first:first + args.batch]
            optimizer.zero_grad()
            loss = loss_fn(model(train_x[batch]), train_y[batch])
            loss.backward()
            optimizer.step()
            total_loss += loss.item() * len(batch)
        seconds.append(time.perf_counter() - start)
        model.eval()
        test_accuracy = accuracy(model, test_x, test_y)
        print(f"epoch {epoch:3d}  loss {total_loss / n:.4f}  test accuracy {test_accuracy:6.2f} %  "
              f"{seconds[-1]:.3f} s  {n / seconds[-1]:,.0f} samples/s", flush=True)

    mean = sum(seconds) / len(seconds)
    result = {
        "framework": "pytorch",
        "torch": torch.__version__,
        "dataset": dataset_name(args.data),
        "network": network,
        "epochs": args.epochs,
        "batch": args.batch,
        "test_accuracy": round(test_accuracy, 2),
        "seconds_per_epoch": round(mean, 4),
        "samples_per_second": round(n / mean),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "threads": args.threads,
        "blas": blas,
    }
    print("RESULT " + json.dumps(result))


if __name__ == "__main__":
    main()
