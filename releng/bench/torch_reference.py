#!/usr/bin/python3
"""PyTorch reference for NeuroMesh's learning benchmark, set up like for like with `./neuromesh train`.

The same network (ReLU hidden layers, a linear readout, cross-entropy; weights drawn as NeuroMesh draws them: He
uniform, sqrt(6 / inputs), for hidden layers and sqrt(3 / inputs) for the readout, biases 0), the same optimiser
family (minibatch SGD with momentum, coupled L2 weight decay: v = m * v + g + wd * w; w -= lr_t * v), the same batch,
the same learning-rate schedule applied per batch (constant, or cosine: (1 + cos(pi t / T)) / 2 over the T batches of
the run), the same augmentation (random shifts of up to N pixels along each axis with zeros moved in, drawn anew each
time an image is drawn; optional left-right mirror) and the same input normalisation ((x - mean) / (std + 0.1) per
pixel with the statistics of the images trained on). With --validation N it holds out the same N training images
as NeuroMesh does (the same keyed draw, checked by the fingerprint both print) and never reads the test set.

Timed like NeuroMesh: only the training loop of each epoch (not loading, not evaluation); seconds per epoch is the
mean of epochs 2..N and the first epoch is reported on its own. Prints one line per epoch, then "RESULT {json}" with
the field names NeuroMesh uses. Run it with Debian's /usr/bin/python3 (see install-bench-deps.sh).
"""
import argparse
import ctypes
import json
import math
import os
import resource
import sys
import time

# Idle OpenMP threads that spin between operations take the cores from the thread that has work: on these 2-core
# machines an MNIST epoch at 784-256-10 took 2.3-3.0 s with GNU OpenMP's default (spinning) policy and 0.83 s with
# PASSIVE, whichever OpenBLAS build libblas.so.3 was. Must be set before torch loads libgomp; printed with the result.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

import numpy as np  # noqa: E402 (after the OpenMP setting above)
import torch  # noqa: E402
from torch import nn

FILES = ("train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte")
MASK = (1 << 64) - 1
STD_FLOOR = 0.1


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
    x = torch.from_numpy(images.astype(np.float32) / 255.0)
    return x, torch.from_numpy(labels.astype(np.int64))


def split_key(seed, index):
    """NeuroMesh's ValidationSplit.key: SplitMix64's finaliser of seed * golden gamma + index, 64-bit wrapping."""
    z = (seed * 0x9E3779B97F4A7C15 + index) & MASK
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


def held_out(count, size, seed=1):
    """The indices NeuroMesh holds out: the size smallest keys (unsigned), ascending."""
    return sorted(sorted(range(count), key=lambda i: split_key(seed, i))[:size])


def fingerprint(indices):
    """NeuroMesh's ValidationSplit.fingerprint: sum = sum * 31 + index, as a signed 64-bit Java long."""
    total = 0
    for index in indices:
        total = (total * 31 + index) & MASK
    return total - (1 << 64) if total >= 1 << 63 else total


def blas_library():
    """The libblas.so.3 torch loaded (read from /proc/self/maps) and the OpenBLAS kernel it chose, if it is OpenBLAS."""
    try:
        with open("/proc/self/maps") as maps:
            paths = sorted({line.split()[-1] for line in maps if line.rstrip().endswith("/libblas.so.3")})
    except OSError:
        paths = []
    if not paths:
        return "unknown", "unknown"
    core = "not OpenBLAS"
    try:
        library = ctypes.CDLL(paths[0])
        library.openblas_get_corename.restype = ctypes.c_char_p
        core = library.openblas_get_corename().decode()
    except (OSError, AttributeError):
        pass
    return ", ".join("/".join(path.split("/")[-2:]) for path in paths), core


def dataset_name(folder):
    name = os.path.basename(os.path.normpath(folder))
    return name if name in ("mnist", "fashion-mnist") else folder


def parse_augment(value):
    kind, _, pixels = value.partition(":")
    if kind not in ("none", "flip", "shift", "shift-flip"):
        raise argparse.ArgumentTypeError(f"augmentation must be none, flip, shift[:N] or shift-flip[:N], not {value}")
    shift = 0 if kind in ("none", "flip") else int(pixels or 2)
    if not 0 <= shift <= 8:
        raise argparse.ArgumentTypeError(f"the shift must be 0..8 pixels, got {shift}")
    return shift, kind in ("flip", "shift-flip"), value


def augment(images, shift, flip, generator):
    """Each image shifted by (dx, dy) drawn from [-shift, shift] (zeros moved in), mirrored half of the time."""
    if flip:
        mirror = torch.rand(len(images), generator=generator) < 0.5
        images = torch.where(mirror[:, None, None], images.flip(2), images)
    if shift == 0:
        return images
    n, rows, cols = images.shape
    padded = nn.functional.pad(images, (shift, shift, shift, shift))
    dy = torch.randint(0, 2 * shift + 1, (n,), generator=generator)
    dx = torch.randint(0, 2 * shift + 1, (n,), generator=generator)
    row_index = (torch.arange(rows)[None, :] + dy[:, None])[:, :, None].expand(n, rows, cols)
    col_index = (torch.arange(cols)[None, :] + dx[:, None])[:, None, :].expand(n, rows, cols)
    return padded[torch.arange(n)[:, None, None], row_index, col_index]


def network(widths, seed):
    torch.manual_seed(seed)
    layers = []
    for i in range(len(widths) - 1):
        linear = nn.Linear(widths[i], widths[i + 1])
        readout = i == len(widths) - 2
        limit = math.sqrt((3.0 if readout else 6.0) / widths[i])
        with torch.no_grad():
            linear.weight.uniform_(-limit, limit)
            linear.bias.zero_()
        layers.append(linear)
        if not readout:
            layers.append(nn.ReLU())
    return nn.Sequential(*layers)


def accuracy(model, x, y):
    with torch.no_grad():
        right = 0
        for first in range(0, len(x), 2048):
            right += (model(x[first:first + 2048]).argmax(dim=1) == y[first:first + 2048]).sum().item()
        return 100.0 * right / len(x)


def main():
    default_data = os.path.join(os.environ.get("NEUROMESH_DATA") or os.path.expanduser("~/.cache/neuromesh/datasets"),
                                "mnist")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=default_data, help="folder with the four IDX files (default: %(default)s)")
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--batch", type=int, default=128)
    parser.add_argument("--lr", type=float, default=0.05)
    parser.add_argument("--momentum", type=float, default=0.9)
    parser.add_argument("--weight-decay", type=float, default=0.0)
    parser.add_argument("--hidden", default="256", help="hidden widths, e.g. 1024,1024")
    parser.add_argument("--schedule", choices=("constant", "cosine"), default="constant")
    parser.add_argument("--augment", type=parse_augment, default=parse_augment("none"))
    parser.add_argument("--normalise", choices=("none", "standard"), default="none")
    parser.add_argument("--validation", type=int, default=0,
                        help="hold out this many training images (as NeuroMesh does) and never read the test set")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--label", default="", help="copied into the RESULT line")
    args = parser.parse_args()
    hidden = [int(width) for width in args.hidden.split(",")]
    if min([args.epochs, args.batch, args.threads] + hidden) < 1 or args.validation < 0:
        parser.error("--epochs, --batch, --threads and the hidden widths must be at least 1")

    missing = [name for name in FILES if not os.path.isfile(os.path.join(args.data, name))]
    if missing:
        sys.exit(f"torch_reference: error: {args.data} lacks {', '.join(missing)}; run releng/fetch-mnist.sh or "
                 "releng/fetch-fashion-mnist.sh (uncompressed IDX files are expected)")

    torch.set_num_threads(args.threads)
    train_x, train_y = load(args.data, "train")
    split_fingerprint = 0
    if args.validation:
        if not 1 <= args.validation < len(train_x):
            parser.error(f"--validation must be 1..{len(train_x) - 1}")
        indices = held_out(len(train_x), args.validation)
        split_fingerprint = fingerprint(indices)
        mask = torch.ones(len(train_x), dtype=torch.bool)
        mask[torch.tensor(indices)] = False
        eval_x, eval_y = train_x[~mask], train_y[~mask]
        train_x, train_y = train_x[mask], train_y[mask]
    else:
        eval_x, eval_y = load(args.data, "t10k")
    n = len(train_x)
    shift, flip, augment_id = args.augment
    mean, inverse = None, None
    if args.normalise == "standard":
        flat = train_x.reshape(n, -1).double()
        mean = flat.mean(dim=0)
        inverse = 1.0 / (torch.sqrt(torch.clamp((flat * flat).mean(dim=0) - mean * mean, min=0.0)) + STD_FLOOR)
        mean, inverse = mean.float(), inverse.float()

    def prepare(images):
        flat = images.reshape(len(images), -1)
        return flat if mean is None else (flat - mean) * inverse

    widths = [train_x.shape[1] * train_x.shape[2]] + hidden + [10]
    model = network(widths, args.seed)
    optimizer = torch.optim.SGD(model.parameters(), lr=args.lr, momentum=args.momentum,
                                weight_decay=args.weight_decay)
    batches_per_epoch = (n + args.batch - 1) // args.batch
    total = args.epochs * batches_per_epoch
    factor = (lambda t: 1.0) if args.schedule == "constant" else (lambda t: (1 + math.cos(math.pi * t / total)) / 2)
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, factor)
    loss_fn = nn.CrossEntropyLoss()
    generator = torch.Generator().manual_seed(args.seed)
    eval_inputs = prepare(eval_x)
    net = "-".join(str(w) for w in widths)
    blas, core = blas_library()
    evaluated_on = "validation" if args.validation else "test"
    print(f"torch {torch.__version__} with {blas} (kernel {core}, OPENBLAS_CORETYPE="
          f"{os.environ.get('OPENBLAS_CORETYPE', 'unset')}), {args.threads} threads (OMP_WAIT_POLICY="
          f"{os.environ['OMP_WAIT_POLICY']}), {dataset_name(args.data)} ({n} "
          f"train, {len(eval_x)} {evaluated_on}), {net}, batch {args.batch}, SGD lr {args.lr} momentum "
          f"{args.momentum} weight decay {args.weight_decay}, {args.schedule} schedule, augment {augment_id}, input "
          f"{args.normalise}, seed {args.seed}", flush=True)

    seconds, curve, train_curve, losses = [], [], [], []
    for epoch in range(1, args.epochs + 1):
        order = torch.randperm(n, generator=generator)
        model.train()
        total_loss, right = 0.0, 0
        start = time.perf_counter()
        for first in range(0, n, args.batch):
            batch = order[first:first + args.batch]
            images = train_x[batch]
            if shift or flip:
                images = augment(images, shift, flip, generator)
            optimizer.zero_grad()
            scores = model(prepare(images))
            loss = loss_fn(scores, train_y[batch])
            loss.backward()
            optimizer.step()
            scheduler.step()
            total_loss += loss.item() * len(batch)
            right += (scores.argmax(dim=1) == train_y[batch]).sum().item()
        seconds.append(time.perf_counter() - start)
        losses.append(total_loss / n)
        train_curve.append(100.0 * right / n)
        model.eval()
        # the test set is evaluated once, after the last epoch; a validation set after every epoch
        if args.validation or epoch == args.epochs:
            curve.append(accuracy(model, eval_inputs, eval_y))
        print(f"epoch {epoch:3d}  loss {losses[-1]:.4f}  train {train_curve[-1]:6.2f} %  "
              + (f"{evaluated_on} {curve[-1]:6.2f} %  " if curve and (args.validation or epoch == args.epochs)
                 else "") + f"{seconds[-1]:.3f} s  {n / seconds[-1]:,.0f} samples/s", flush=True)

    timed = seconds[1:] if len(seconds) > 1 else seconds
    mean_seconds = sum(timed) / len(timed)
    result = {
        "label": args.label,
        "framework": "pytorch",
        "rule": "pytorch-sgd",
        "torch": torch.__version__,
        "dataset": dataset_name(args.data),
        "network": net,
        "epochs": args.epochs,
        "batch": args.batch,
        "seed": args.seed,
        "validation": args.validation,
        "validation_fingerprint": split_fingerprint,
        "evaluated_on": evaluated_on,
        "test_accuracy": None if args.validation else round(curve[-1], 2),
        "validation_accuracy": round(curve[-1], 2) if args.validation else None,
        "validation_curve": [round(a, 2) for a in curve] if args.validation else [None] * args.epochs,
        "train_curve": [round(a, 2) for a in train_curve],
        "loss_curve": [round(v, 4) for v in losses],
        "epoch_seconds": [round(s, 3) for s in seconds],
        "seconds_per_epoch": round(mean_seconds, 3),
        "first_epoch_seconds": round(seconds[0], 3),
        "samples_per_second": round(n / mean_seconds),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "threads": args.threads,
        "blas": blas,
        "blas_kernel": core,
        "openblas_coretype": os.environ.get("OPENBLAS_CORETYPE", "unset"),
        "omp_wait_policy": os.environ["OMP_WAIT_POLICY"],
        "augment": augment_id,
        "schedule": args.schedule,
        "normalise": args.normalise,
        "rule_settings": f"SGD(lr={args.lr}, momentum={args.momentum}, weight_decay={args.weight_decay})",
    }
    print("RESULT " + json.dumps(result))


if __name__ == "__main__":
    main()
