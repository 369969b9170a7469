#!/usr/bin/python3
"""The learning benchmark's tables and picture, from the records the runs left (releng/bench/records/learning.jsonl).

Usage: report.py [RESULTS.jsonl] [--readme]
Prints the tables, writes them as Markdown to learning.md in $NEUROMESH_BENCH (and, with --readme, into README.md
between its learning-results markers) and draws the headline rows' validation curves, ours beside PyTorch's, into
docs/images/learning-curves.png. Accuracies are means over seeds with their standard deviation; when a run was
repeated, its latest result counts.
"""
import json
import os
import statistics
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import runs  # noqa: E402

BEGIN = "<!-- learning-results:begin (written by ./neuromesh bench learning --readme) -->"
END = "<!-- learning-results:end -->"
TARGETS = {"mnist best forward-only": 98.5, "mnist default rule": 98.0, "fashion-mnist best forward-only": 89.0}
DATASETS = {"mnist": "MNIST", "fashion-mnist": "Fashion-MNIST"}


def latest(records):
    """The last record of each (label, seed): a repeated run replaces the earlier one."""
    kept = {}
    for r in records:
        kept[(r["label"], r.get("settings", {}).get("seed", r.get("seed")))] = r
    return list(kept.values())


def group(records, label):
    return [r for r in records if r["label"] == label and not r.get("failed")]


def spread(values):
    values = [v for v in values if v is not None]
    if not values:
        return "-"
    if len(values) == 1:
        return f"{values[0]:.2f} (1 seed)"
    return f"{statistics.mean(values):.2f} ± {statistics.stdev(values):.2f}"


def mean(values, default=None):
    values = [v for v in values if v is not None]
    return statistics.mean(values) if values else default


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def cell(value, fmt):
    return "-" if value is None else format(value, fmt)


def layer_rates(group_records, key="release_rate"):
    """Per hidden layer, the mean over runs of a layer field, as 'L0 21.3% / L1 18.0%'."""
    layers = [r.get("layers") or [] for r in group_records]
    if not layers or not layers[0]:
        return "-"
    parts = []
    for index in range(len(layers[0])):
        value = mean([l[index].get(key) for l in layers if len(l) > index])
        parts.append("-" if value is None else f"{100 * value:.1f}%")
    return " / ".join(parts)


def silent_nodes(group_records):
    layers = [r.get("layers") or [] for r in group_records]
    if not layers or not layers[0]:
        return "-"
    return " / ".join(cell(mean([l[i].get("silent_nodes") for l in layers if len(l) > i]), ".0f")
                      for i in range(len(layers[0])))


def markdown(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def chosen_file(name):
    path = os.path.join(runs.TOP, "releng", "bench", "chosen", name + ".json")
    if not os.path.exists(path):
        return None
    with open(path) as file:
        return json.load(file)


def sweep_accuracy(study, rule):
    """The validation accuracy (seed 1) the sweep chose a rule's settings by."""
    data = chosen_file(study)
    if not data or not data["chosen"].get(rule):
        return None
    for candidate in data["candidates"].get(rule, []):
        if candidate["settings"] == data["chosen"][rule]:
            return candidate["validation_accuracy"]
    return None


def step_size(records):
    settings = records[0].get("settings", {}) if records else {}
    parts = []
    if settings.get("lr") is not None:
        parts.append(f"lr {settings['lr']}")
    if settings.get("weight_decay"):
        parts.append(f"wd {settings['weight_decay']}")
    if settings.get("eta_d") is not None:
        parts.append(f"eta_d {settings['eta_d']}")
    return ", ".join(parts) or "defaults"


def table_section(records):
    out = []
    for dataset, title in DATASETS.items():
        torch = group(records, f"table {dataset} pytorch")
        torch_seconds = {r["settings"]["seed"]: r["seconds_per_epoch"] for r in torch}
        rows = []
        for rule in ("pytorch",) + tuple(r for r in runs.RULE_PIDS):
            runs_of_rule = group(records, f"table {dataset} {rule}")
            if not runs_of_rule:
                continue
            ratios = [r["seconds_per_epoch"] / torch_seconds[r["settings"]["seed"]] for r in runs_of_rule
                      if rule != "pytorch" and r["settings"]["seed"] in torch_seconds]
            rows.append((
                "PyTorch (SGD, momentum 0.9)" if rule == "pytorch" else f"`{rule}`",
                step_size(runs_of_rule),
                cell(sweep_accuracy(dataset + "-256", rule), ".2f"),
                spread([r.get("test_accuracy") for r in runs_of_rule]),
                layer_rates(runs_of_rule) if rule != "pytorch" else "-",
                cell(median([r["seconds_per_epoch"] for r in runs_of_rule]), ".2f"),
                cell(median([r["first_epoch_seconds"] for r in runs_of_rule]), ".2f"),
                cell(median(ratios), ".2f") if ratios else "",
                cell(median([r.get("inference_speedup") for r in runs_of_rule]), ".2f") if rule != "pytorch" else "",
            ))
        if rows:
            out.append(f"**{title}, 784-256-10**, 10 epochs, batch 128, constant rate, raw pixels; test accuracy "
                       f"over seeds 1-3 (the step size chosen on the validation split, seed 1):\n")
            out.append(markdown(("run", "chosen", "validation % (sweep)", "test % (3 seeds)",
                                 "releases per sample at inference", "s/epoch (median)", "first epoch s",
                                 "ours / PyTorch s/epoch", "inference speed-up from skipping"), rows))
            out.append("")
    return "\n".join(out)


def ablation_section(records):
    rows = []
    for gating, what in (("paper", "paper dynamics on"), ("fixed-threshold", "fixed threshold (d stays d0)"),
                         ("no-timer", "no timer (no forced releases)"), ("relu", "plain ReLU")):
        found = group(records, f"ablation {gating}")
        if not found:
            continue
        rows.append((what, spread([r.get("validation_accuracy") for r in found]), layer_rates(found),
                     layer_rates(found, "forced_share"), silent_nodes(found),
                     " / ".join(cell(mean([l[i].get("mean_threshold") for l in
                                           (r.get("layers") or [] for r in found) if len(l) > i]), ".3f")
                                for i in range(len(found[0].get("layers") or []))),
                     cell(median([r["seconds_per_epoch"] for r in found]), ".2f"),
                     cell(median([r.get("inference_speedup") for r in found]), ".2f")))
    if not rows:
        return ""
    network = group(records, "ablation paper")[0].get("network", "") if group(records, "ablation paper") else ""
    return (f"**Ablation** (default rule and network {network}, 10 epochs, MNIST; validation accuracy over seeds 1-3; "
            "releases per sample at inference per layer; forced: share of the training releases the timer forced; "
            "silent: nodes that never released on the validation set):\n\n"
            + markdown(("gating", "validation %", "releases per sample", "forced (training)", "silent nodes",
                        "mean d", "s/epoch", "inference speed-up from skipping"), rows) + "\n")


def headline_section(records):
    rows = []
    for dataset, title in DATASETS.items():
        for rule, name in (("pytorch", "PyTorch (SGD, momentum 0.9)"), ("backprop-reference", "`backprop-reference`"),
                           ("eligibility", "`eligibility` (default rule)"), ("direct-feedback", "`direct-feedback`")):
            test = group(records, f"headline {dataset} {rule}")
            validation = group(records, f"headline {dataset} {rule} validation")
            if not test and not validation:
                continue
            sample = (test or validation)[0]
            anchor = ""
            if dataset == "mnist" and rule == "eligibility":
                anchor = "≥ 98.0 (default rule)"
            elif dataset == "mnist" and rule == "direct-feedback":
                anchor = "≥ 98.5 (best forward-only)"
            elif dataset == "fashion-mnist" and rule in ("eligibility", "direct-feedback"):
                anchor = "≥ 89 (best forward-only)"
            rows.append((f"{title}: {name}", sample.get("network", ""), str(sample.get("epochs", "")),
                         f"{step_size(test or validation)}; {sample.get('augment')}, {sample.get('schedule')}, "
                         f"input {sample.get('normalise')}",
                         spread([r.get("validation_accuracy") for r in validation]),
                         spread([r.get("test_accuracy") for r in test]), anchor,
                         layer_rates(test) if rule not in ("pytorch",) else "-",
                         cell(median([r["seconds_per_epoch"] for r in test]), ".2f")))
    if not rows:
        return ""
    def seeds(on_validation):
        found = sorted({r.get("settings", {}).get("seed") for r in records if r["label"].startswith("headline ")
                        and r["label"].endswith(" validation") == on_validation and not r.get("failed")} - {None})
        return "seed " + str(found[0]) if len(found) == 1 else "seeds " + ", ".join(str(s) for s in found)

    return ("**Headline rows** (batch 128; settings chosen on the validation split; validation: "
            f"{seeds(True)} trained on 50,000 images; test: {seeds(False)} trained on all 60,000, "
            "test set read once):\n\n"
            + markdown(("run", "network", "epochs", "settings", "validation %", "test %", "target", "releases per sample",
                        "s/epoch"), rows) + "\n")


def extras_section(records):
    rows = []
    for label, what in (("extras delayed, traces on", "delayed task (error 5 steps late), traces on"),
                        ("extras delayed, traces off", "delayed task, traces off"),
                        ("extras fixed 32", "fixed 32 hidden nodes"), ("extras grown from 32", "grown from 32"),
                        ("extras unpruned 256", "unpruned 784-256-10"),
                        ("extras pruned 256", "pruned 30% per epoch from epoch 2")):
        found = group(records, label)
        if found:
            r = found[-1]
            rows.append((what, r.get("network"), cell(r.get("test_accuracy"), ".2f"), r.get("epochs"),
                         f"{100.0 * r['live_edges'] / r['total_edges']:.1f}%", r.get("hidden_nodes")))
    if not rows:
        return ""
    return ("**Temporal credit and topology** (default rule and gating, one seed, test set):\n\n"
            + markdown(("run", "network", "test %", "epochs", "live edges", "hidden nodes"), rows) + "\n")


def targets_section(records):
    lines = []

    def verdict(value, target):
        return "met" if value is not None and value >= target else "not met"

    for dataset, rule, key in (("mnist", "direct-feedback", "mnist best forward-only"),
                               ("mnist", "eligibility", "mnist default rule")):
        test = mean([r.get("test_accuracy") for r in group(records, f"headline {dataset} {rule}")])
        if test is not None:
            lines.append(f"- {key}: {test:.2f}% (3-seed mean; target {TARGETS[key]}%): "
                         f"{verdict(test, TARGETS[key])}")
    fashion = [mean([r.get("test_accuracy") for r in group(records, f"headline fashion-mnist {rule}")])
               for rule in ("eligibility", "direct-feedback")]
    fashion = [f for f in fashion if f is not None]
    if fashion:
        lines.append(f"- fashion-mnist best forward-only: {max(fashion):.2f}% (target 89%): "
                     f"{verdict(max(fashion), 89.0)}")
    ratios = []
    torch = {r["settings"]["seed"]: r for r in group(records, "table mnist pytorch")}
    for r in group(records, "table mnist eligibility"):
        if r["settings"]["seed"] in torch:
            ratios.append(r["seconds_per_epoch"] / torch[r["settings"]["seed"]]["seconds_per_epoch"])
    if ratios:
        lines.append(f"- seconds per epoch, default rule / PyTorch at 784-256-10 (median of {len(ratios)} paired "
                     f"runs, epochs 2-10 of each): {median(ratios):.2f} (target <= 1.0): "
                     f"{'met' if median(ratios) <= 1.0 else 'not met'}")
    paper = group(records, "ablation paper")
    relu = group(records, "ablation relu")
    if paper and relu:
        rate = max(mean([l[i]["release_rate"] for l in (r["layers"] for r in paper)])
                   for i in range(len(paper[0]["layers"])))
        cost = mean([r["validation_accuracy"] for r in relu]) - mean([r["validation_accuracy"] for r in paper])
        lines.append(f"- default network: at most {100 * rate:.1f}% of a layer's nodes release per sample (target "
                     f"<= 25%), {cost:.2f} points below plain ReLU on validation (target <= 0.5): "
                     f"{'met' if rate <= 0.25 and cost <= 0.5 else 'not met'}")
    blas = [r for r in records if r.get("framework") == "pytorch" and not r.get("failed")]
    if blas:
        b = blas[-1]
        lines.append(f"- PyTorch {b.get('torch')} ran with {b.get('blas')}, OpenBLAS kernel {b.get('blas_kernel')} "
                     f"(OPENBLAS_CORETYPE={b.get('openblas_coretype')}), {b.get('threads')} threads, "
                     f"OMP_WAIT_POLICY={b.get('omp_wait_policy', 'unset')}")
    ours = [r for r in records if r.get("framework") == "neuromesh" and not r.get("failed")]
    if ours:
        lines.append(f"- NeuroMesh ran with {ours[-1].get('kernels')}")
    return ("**Against the targets:**\n\n" + "\n".join(lines) + "\n") if lines else ""


def curves(records, picture):
    """Validation accuracy per epoch of the headline rows (mean over seeds, min-max band), ours beside PyTorch."""
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("report: matplotlib is missing (install-bench-deps.sh installs it); no picture drawn")
        return False
    panels = [(d, t) for d, t in DATASETS.items() if any(group(records, f"headline {d} {rule} validation")
                                                        for rule in ("pytorch", "eligibility"))]
    if not panels:
        return False
    figure, axes = plt.subplots(1, len(panels), figsize=(6.5 * len(panels), 4.2), squeeze=False)
    for axis, (dataset, title) in zip(axes[0], panels):
        for rule, name, style in (("pytorch", "PyTorch (backprop)", "k-"),
                                  ("backprop-reference", "backprop-reference", "k:"),
                                  ("eligibility", "eligibility (default rule)", "b-"),
                                  ("direct-feedback", "direct-feedback", "r-")):
            found = group(records, f"headline {dataset} {rule} validation")
            series = [r["validation_curve"] for r in found if r.get("validation_curve")]
            if not series:
                continue
            epochs = min(len(s) for s in series)
            xs = list(range(1, epochs + 1))
            middle = [statistics.mean(s[e] for s in series) for e in range(epochs)]
            axis.plot(xs, middle, style, label=f"{name} ({len(series)} seed{'s' if len(series) > 1 else ''})")
            if len(series) > 1:
                axis.fill_between(xs, [min(s[e] for s in series) for e in range(epochs)],
                                  [max(s[e] for s in series) for e in range(epochs)], color=style[0], alpha=0.15)
        network = group(records, f"headline {dataset} eligibility validation")
        axis.set_title(f"{title} {network[0]['network'] if network else ''}: validation accuracy")
        axis.set_xlabel("epoch")
        axis.set_ylabel("accuracy on 10,000 held-out images (%)")
        # the forward-only rules swing by a point or more in the early epochs of a cosine schedule at a high rate
        low = 94 if dataset == "mnist" else 84
        axis.set_ylim(low, 100 if dataset == "mnist" else 93)
        axis.grid(alpha=0.3)
        axis.legend(loc="lower right", fontsize=8)
    figure.tight_layout()
    os.makedirs(os.path.dirname(picture), exist_ok=True)
    figure.savefig(picture, dpi=110)
    print(f"report: curves drawn into {picture}")
    return True


def main(path, target, readme=False, quick=False):
    records = latest(runs.load(path))
    sections = [table_section(records), ablation_section(records), headline_section(records),
                extras_section(records), targets_section(records)]
    text = "\n".join(s for s in sections if s)
    picture = os.path.join(target, "learning-curves.png") if quick else os.path.join(
        runs.TOP, "docs", "images", "learning-curves.png")
    if curves(records, picture) and not quick:
        text += "\n![Validation accuracy per epoch of the headline rows](docs/images/learning-curves.png)\n"
    print(text)
    os.makedirs(target, exist_ok=True)  # on a fresh machine report.py may run before any benchmark made it
    with open(os.path.join(target, "learning.md"), "w") as file:
        file.write(text + "\n")
    if readme:
        readme_path = os.path.join(runs.TOP, "README.md")
        with open(readme_path) as file:
            content = file.read()
        if BEGIN not in content or END not in content:
            print(f"report: README.md has no learning-results markers; tables left in {target}/learning.md")
            return
        before, rest = content.split(BEGIN, 1)
        after = rest.split(END, 1)[1]
        with open(readme_path, "w") as file:
            file.write(before + BEGIN + "\n" + text + "\n" + END + after)
        print("report: README.md updated")


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(arguments[0] if arguments else os.path.join(runs.RECORDS, "learning.jsonl"), runs.RESULTS,
         "--readme" in sys.argv)
