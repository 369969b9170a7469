#!/usr/bin/python3
"""./neuromesh bench learning: the learning benchmark, with every setting taken from the sweep's choices.

Usage: ./neuromesh bench learning [--only PART[,PART...]] [--validation-seeds N] [--quick] [--readme] [--resume]
  PART      table (every rule and PyTorch at 784-256-10 on both data sets, 3 seeds, test set once),
            ablation (the gating mechanisms switched off one by one, default network, 3 seeds, validation),
            headline (the best settings on both data sets: 3 seeds on the validation split for the curves, 3 seeds
            on the whole training set for the test accuracy), extras (temporal credit, growth, pruning; one seed)
  --validation-seeds N  the headline rows' validation runs (curves and validation accuracy) for seeds 1..N only
            (default 3; 1 saves a third of the time at 784-1024-1024-10: the test runs keep 3 seeds)
  --quick   the chosen settings with 1 epoch and one seed: checks that the benchmark runs, not the numbers
  --readme  also writes the tables into README.md between its learning-results markers
  --resume  keeps the runs an earlier, interrupted benchmark finished (same label and settings) instead of
            running them again

Settings come from releng/bench/chosen/<study>.json (written by ./neuromesh bench sweep on the validation split). A
run on the whole training set evaluates the test set once, after its last epoch. Each run's record is appended to
releng/bench/records/learning.jsonl (committed with the README it fills); the tables go to learning.md in
$NEUROMESH_BENCH (default ~/.cache/neuromesh/bench), the curves to docs/images/learning-curves.png. A headline
validation run with the settings the sweep chose (seed 1) is the sweep's own run of them: its record is taken from
releng/bench/records/sweep.jsonl instead of training the same thing again.
"""
import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import report  # noqa: E402
import runs  # noqa: E402
import studies  # noqa: E402

SEEDS = (1, 2, 3)
PARTS = ("table", "ablation", "headline", "extras")
REUSE = []
SWEPT = []


def train(run, label, out, log):
    return runs.train(run, label, out, log, REUSE)


def train_or_take_from_sweep(run, label, out, log):
    """A validation run the sweep already made with exactly these settings is not made again: its record is copied
    under the benchmark's label."""
    swept = runs.find(SWEPT, run)
    if swept is None:
        return train(run, label, out, log)
    if runs.find(REUSE, run, label) is None:
        print(f"== {label}: {runs.describe(run)}: the sweep's run of the same settings", file=log, flush=True)
        runs.append(out, dict(swept, label=label))
    return swept


def chosen(name):
    path = os.path.join(runs.TOP, "releng", "bench", "chosen", name + ".json")
    if not os.path.exists(path):
        sys.exit(f"bench-learning: {path} is missing; run ./neuromesh bench sweep --only {name} first")
    with open(path) as file:
        return json.load(file)["chosen"]


def on_test(settings, seed, quick):
    """The chosen settings trained on the whole training set with another seed; the test set is read once."""
    run = dict(settings, seed=seed, validation=0)
    return dict(run, epochs=1) if quick else run


def on_validation(settings, seed, quick):
    run = dict(settings, seed=seed, validation=studies.VALIDATION)
    return dict(run, epochs=1) if quick else run


def table(seeds, quick, out, log):
    # Seed by seed, PyTorch and each rule in turn: the timing of each pair is taken under the same conditions.
    for dataset in ("mnist", "fashion-mnist"):
        settings = chosen(dataset + "-256")
        for seed in seeds:
            for rule in ("pytorch",) + studies.ALL_RULES:
                train(on_test(settings[rule], seed, quick), f"table {dataset} {rule}", out, log)


def ablation(seeds, quick, out, log):
    default = chosen("defaults")["eligibility"]
    for seed in seeds:
        for gating in ("paper", "fixed-threshold", "no-timer", "relu"):
            train(dict(on_validation(default, seed, quick), gating=gating), f"ablation {gating}", out, log)


def headline(seeds, validation_seeds, quick, out, log):
    # The rows that carry the targets first (MNIST, the forward-only rules), every seed of one rule before the next:
    # an interrupted benchmark has whole rows to show and resumes with the rest.
    for dataset in ("mnist", "fashion-mnist"):
        settings = chosen(dataset + "-best")
        for rule in ("direct-feedback", "eligibility", "backprop-reference", "pytorch"):
            for seed in seeds:
                if seed in validation_seeds:
                    train_or_take_from_sweep(on_validation(settings[rule], seed, quick),
                                             f"headline {dataset} {rule} validation", out, log)
                train(on_test(settings[rule], seed, quick), f"headline {dataset} {rule}", out, log)


def extras(quick, out, log):
    epochs = 1 if quick else 10
    base = {"framework": "neuromesh", "rule": "eligibility", "dataset": "mnist", "seed": 1, "validation": 0,
            "epochs": epochs}
    delayed = dict(base, hidden="128", epochs=1 if quick else 3)
    train(dict(delayed, extra=["--task", "delayed", "--delay", "5", "--trace-decay", "0.9"]),
               "extras delayed, traces on", out, log)
    train(dict(delayed, extra=["--task", "delayed", "--delay", "5", "--trace-decay", "0"]),
               "extras delayed, traces off", out, log)
    train(dict(base, hidden="32"), "extras fixed 32", out, log)
    train(dict(base, hidden="32", extra=["--split", "24", "--max-nodes", "256"]), "extras grown from 32", out,
               log)
    train(dict(base, hidden="256"), "extras unpruned 256", out, log)
    train(dict(base, hidden="256", extra=["--prune", "0.3", "--prune-from", "2", "--duplicate", "200"]),
               "extras pruned 256", out, log)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default=",".join(PARTS))
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--readme", action="store_true")
    parser.add_argument("--resume", action="store_true")
    parser.add_argument("--validation-seeds", type=int, default=len(SEEDS), choices=range(1, len(SEEDS) + 1))
    args = parser.parse_args()
    parts = [p.strip() for p in args.only.split(",") if p.strip()]
    unknown = [p for p in parts if p not in PARTS]
    if unknown:
        parser.error(f"unknown part {', '.join(unknown)}; parts: {', '.join(PARTS)}")
    target = runs.RESULTS
    os.makedirs(target, exist_ok=True)
    os.makedirs(runs.RECORDS, exist_ok=True)
    out = os.path.join(target, "learning-quick.jsonl") if args.quick else os.path.join(runs.RECORDS, "learning.jsonl")
    seeds = SEEDS[:1] if args.quick else SEEDS
    if args.resume:
        REUSE.extend(runs.load(out))
    if not args.quick:
        SWEPT.extend(runs.load(os.path.join(runs.RECORDS, "sweep.jsonl")))
    with open(os.path.join(target, "learning.log"), "a") as log:
        if "table" in parts:
            table(seeds, args.quick, out, log)
        if "ablation" in parts:
            ablation(seeds, args.quick, out, log)
        if "headline" in parts:
            headline(seeds, seeds[:args.validation_seeds], args.quick, out, log)
        if "extras" in parts:
            extras(args.quick, out, log)
    report.main(out, target, args.readme and not args.quick, quick=args.quick)


if __name__ == "__main__":
    main()
