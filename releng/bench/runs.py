"""Running one training, ours or PyTorch's, and keeping its RESULT line: shared by the sweep and the benchmark.

A run is described by a plain dict (framework, rule, dataset, hidden, epochs, schedule, augment, normalise, lr,
weight_decay, gating, eta_d, seed, validation) so that the sweep can write the chosen settings to a JSON file that
the benchmark reads back. Every run's RESULT line is appended to a JSON-lines file with the run's label and settings.
"""
import json
import os
import subprocess
import sys
import tempfile
import time

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.environ.get("NEUROMESH_DATA") or os.path.join(os.environ.get("HOME") or os.path.expanduser("~"),
                                                         ".cache", "neuromesh", "datasets")
# Where runs, logs and tables go: outside the source tree's target/, which every ./mvnw clean empties (a sweep takes
# hours and continues from its records after an interruption).
RESULTS = os.environ.get("NEUROMESH_BENCH") or os.path.join(os.environ.get("HOME") or os.path.expanduser("~"),
                                                            ".cache", "neuromesh", "bench")
# The records of every run behind the README's numbers: in the source tree, committed with the README they fill, so
# that the tables can be checked and regenerated (report.py) and an interrupted benchmark continued (--resume) on
# another machine or after the cache is gone. Logs, tables and quick runs stay in RESULTS.
RECORDS = os.environ.get("NEUROMESH_BENCH_RECORDS") or os.path.join(TOP, "releng", "bench", "records")
# Debian's OpenBLAS runs its AVX-512 kernels slowly on these machines (an MNIST epoch 3.2 s instead of 0.8 s);
# the Haswell kernel is what an environment that knows this selects. Printed with every PyTorch result (the OpenMP
# wait policy, the other setting that decides its speed here, torch_reference.py sets itself).
TORCH_ENV = {"OPENBLAS_CORETYPE": os.environ.get("OPENBLAS_CORETYPE", "Haswell")}

# The Config Admin PID of each rule and the key its step size goes under.
RULE_PIDS = {
    "eligibility": "org.neuromesh.learning.eligibility",
    "direct-feedback": "org.neuromesh.learning.dfa",
    "forward-forward": "org.neuromesh.learning.forwardforward",
    "pepita": "org.neuromesh.learning.pepita",
    "backprop-reference": "org.neuromesh.learning.backprop",
}


def describe(run):
    """A short, stable text of a run's settings, for logs and labels."""
    keys = ("framework", "rule", "dataset", "hidden", "epochs", "schedule", "augment", "normalise", "lr",
            "weight_decay", "gating", "eta_d", "seed", "validation")
    return " ".join(f"{key}={run[key]}" for key in keys if key in run)


def neuromesh_arguments(run):
    args = ["--dataset", run["dataset"], "--rule", run["rule"], "--epochs", str(run["epochs"]),
            "--hidden", run["hidden"], "--seed", str(run["seed"]), "--schedule", run.get("schedule", "constant"),
            "--augment", run.get("augment", "none"), "--normalise", run.get("normalise", "none"),
            "--gating", run.get("gating", "paper")]
    if run.get("eta_d") is not None:
        args += ["--eta-d", str(run["eta_d"])]
    if run.get("validation"):
        args += ["--validation", str(run["validation"])]
    return args + list(run.get("extra", [])) + ["--result"]


def rule_configuration(run, folder):
    """Writes the rule's <pid>.cfg (step size, weight decay, momentum 0.9) into folder; returns the folder."""
    pid = RULE_PIDS[run["rule"]]
    lines = []
    if run.get("lr") is not None:
        lines.append(f"learningRate = {run['lr']}")
    if run.get("weight_decay") and run["rule"] in ("eligibility", "direct-feedback", "backprop-reference"):
        lines.append(f"weightDecay = {run['weight_decay']}")
    if run["rule"] == "backprop-reference":
        lines.append("momentum = 0.9")  # the same optimiser family as the others and as PyTorch's reference
    with open(os.path.join(folder, pid + ".cfg"), "w") as cfg:
        cfg.write("\n".join(lines) + "\n")
    return folder


def torch_arguments(run):
    return ["/usr/bin/python3", os.path.join(TOP, "releng", "bench", "torch_reference.py"),
            "--data", os.path.join(DATA, run["dataset"]), "--epochs", str(run["epochs"]), "--hidden", run["hidden"],
            "--seed", str(run["seed"]), "--schedule", run.get("schedule", "constant"),
            "--augment", run.get("augment", "none"), "--normalise", run.get("normalise", "none"),
            "--lr", str(run["lr"]), "--momentum", "0.9", "--weight-decay", str(run.get("weight_decay") or 0),
            "--validation", str(run.get("validation") or 0), "--threads", "2"]


def train(run, label, out, log, reuse=None):
    """Runs one training, appends {label, settings, RESULT...} to out; returns the result (or a failure record).
    With reuse (records of earlier runs), a run with the same label and settings that did not fail is not run
    again: its record is returned."""
    record = find(reuse or [], run, label)
    if record:
        print(f"== {label}: {describe(run)}: kept from an earlier run", file=log, flush=True)
        return record
    print(f"== {label}: {describe(run)}", file=log, flush=True)
    started = time.monotonic()
    env = dict(os.environ)
    with tempfile.TemporaryDirectory(prefix="neuromesh-bench-") as folder:
        if run["framework"] == "pytorch":
            command = torch_arguments(run)
            env.update(TORCH_ENV)
        else:
            command = [os.path.join(TOP, "neuromesh"), "train"] + neuromesh_arguments(run)
            env["NEUROMESH_RULE_CONF"] = rule_configuration(run, folder)
        process = subprocess.run(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    result_line = None
    for line in process.stdout.splitlines():
        if line.startswith("RESULT "):
            result_line = line[len("RESULT "):]
        else:
            line = line.split("\r")[-1]
            words = line.split()
            progress = len(words) > 1 and "/" in words[1]  # "epoch 3/10 [####...", the progress bar
            if (line.startswith("epoch ") and not progress) or line.startswith("done:") or "at inference" in line \
                    or line.startswith("  inference:") or line.startswith("torch "):
                print("   " + line, file=log, flush=True)
    if result_line is None or process.returncode != 0:
        tail = "\n".join(process.stdout.splitlines()[-15:])
        print(f"bench: '{label}' failed (exit {process.returncode}):\n{tail}", file=sys.stderr, flush=True)
        result = {"failed": True}
    else:
        result = json.loads(result_line)
    record = dict(result)
    record.update(label=label, settings=run)
    # one line per run on the console, so that a long sweep or benchmark shows how far it is
    accuracy = record.get("validation_accuracy") if run.get("validation") else record.get("test_accuracy")
    print(f"  {label} ({describe(run)}): " + ("FAILED" if record.get("failed") else
          f"{'validation' if run.get('validation') else 'test'} {accuracy}%, {record.get('seconds_per_epoch')} "
          f"s/epoch") + f", {time.monotonic() - started:.0f} s", flush=True)
    append(out, record)
    return record


def find(records, run, label=None):
    """The record of a run that did not fail with these settings (and this label, if given), or None."""
    for record in records:
        if record.get("settings") == run and not record.get("failed") and label in (None, record["label"]):
            return record
    return None


def append(out, record):
    with open(out, "a") as lines:
        lines.write(json.dumps(record) + "\n")


def load(path):
    """Every record of a JSON-lines file, or none if it does not exist."""
    if not os.path.exists(path):
        return []
    with open(path) as lines:
        return [json.loads(line) for line in lines if line.strip()]
