"""What the sweep tries and what the benchmark reports: one study per table row group.

Every setting the benchmark uses is chosen by `./neuromesh bench sweep` on a validation split (10,000 images held out
of the training set, the same for every run and for PyTorch; seed 1), never on the test set. Each study names the
settings it keeps fixed, the candidates it tries (the same number for PyTorch as for each of our rules: the same
tuning budget) and how it picks among them. The choices are written to releng/bench/chosen/<study>.json, which the
benchmark reads; the JSON keeps every candidate with its validation accuracy, so the choice can be checked.
"""

VALIDATION = 10000
FORWARD_ONLY = ("eligibility", "direct-feedback", "forward-forward", "pepita")
ALL_RULES = FORWARD_ONLY + ("backprop-reference",)

# Step sizes tried per rule at 784-256-10 (three each, PyTorch included); the scales differ per rule family.
RATES_256 = {
    "eligibility": (0.02, 0.05, 0.1),
    "direct-feedback": (0.02, 0.05, 0.1),
    "forward-forward": (0.001, 0.003, 0.01),
    "pepita": (0.003, 0.01, 0.03),
    "backprop-reference": (0.02, 0.05, 0.1),
    "pytorch": (0.02, 0.05, 0.1),
}


def defaults_study():
    """The gating defaults and the default network: eta_d and the width, on the default rule and options."""
    base = {"framework": "neuromesh", "rule": "eligibility", "dataset": "mnist", "epochs": 10,
            "schedule": "constant", "augment": "none", "normalise": "none", "seed": 1, "validation": VALIDATION}
    candidates = []
    for hidden in ("256", "1024"):
        candidates.append(dict(base, hidden=hidden, gating="relu"))
        for eta_d in (0.0001, 0.0003, 0.001, 0.002):
            candidates.append(dict(base, hidden=hidden, gating="paper", eta_d=eta_d))
    return {"name": "defaults", "title": "gating defaults and default network (eligibility, MNIST, 10 epochs)",
            "candidates": {"eligibility": candidates}, "pick": "sparsest-within-half-a-point"}


def table_study(dataset):
    """Every rule and PyTorch at 784-256-10, 10 epochs, constant rate, raw pixels: the like-for-like table."""
    base = {"dataset": dataset, "hidden": "256", "epochs": 10, "schedule": "constant", "augment": "none",
            "normalise": "none", "seed": 1, "validation": VALIDATION}
    candidates = {}
    for rule, rates in RATES_256.items():
        if rule == "pytorch":
            candidates[rule] = [dict(base, framework="pytorch", rule=rule, lr=rate) for rate in rates]
        else:
            gating = "relu" if rule == "backprop-reference" else "paper"
            candidates[rule] = [dict(base, framework="neuromesh", rule=rule, gating=gating, lr=rate)
                                for rate in rates]
    return {"name": dataset + "-256", "title": f"every rule at 784-256-10 on {dataset}", "candidates": candidates,
            "pick": "best"}


def best_study(dataset):
    """The headline rows: the best forward-only settings on a wider network, and PyTorch and backprop beside them."""
    if dataset == "mnist":
        # 60 epochs: at 30 the forward-only rules were still underfitting (direct-feedback: training accuracy 98.4%,
        # validation 98.09%; at 60, 98.49%). The grid keeps what the 30-epoch sweep (git history of
        # chosen/mnist-best.json) did not rule out: eta_d 0.001 lost 0.5-0.8 points for both rules, and the rates
        # 0.02 and 0.2 lost to 0.05 and 0.1 for PyTorch and our backprop alike. At 60 epochs the forward-only rules
        # chose 0.1, the edge of the grid, so the grid goes on to 0.2 for every rule alike. direct-feedback, the best
        # forward-only rule, still underfits at 60 (99.0% training accuracy, against 99.99-100% for the references,
        # whose training loss is then below 0.001): it also gets 100 epochs at its chosen rate.
        base = {"dataset": "mnist", "hidden": "1024,1024", "epochs": 60, "schedule": "cosine", "augment": "shift:1",
                "normalise": "none", "seed": 1, "validation": VALIDATION}
        ours = [dict(lr=lr, eta_d=0.0001) for lr in (0.05, 0.1, 0.2)]
        longer = {"direct-feedback": [dict(lr=0.1, eta_d=0.0001, epochs=100)]}
        reference = [dict(lr=lr) for lr in (0.05, 0.1, 0.2)]
    else:
        base = {"dataset": "fashion-mnist", "hidden": "1024", "epochs": 30, "schedule": "cosine", "augment": "none",
                "normalise": "standard", "seed": 1, "validation": VALIDATION, "lr": 0.05}
        ours = [dict(weight_decay=wd, eta_d=eta_d) for wd in (0.0, 0.0005) for eta_d in (0.0001, 0.001)]
        reference = [dict(lr=lr, weight_decay=wd) for lr in (0.02, 0.05) for wd in (0.0, 0.0005)]
        longer = {}
    candidates = {}
    for rule in ("eligibility", "direct-feedback"):
        candidates[rule] = [dict(base, framework="neuromesh", rule=rule, gating="paper", **c)
                            for c in ours + longer.get(rule, [])]
    candidates["backprop-reference"] = [dict(base, framework="neuromesh", rule="backprop-reference", gating="relu",
                                             **c) for c in reference]
    candidates["pytorch"] = [dict(base, framework="pytorch", rule="pytorch", **c) for c in reference]
    return {"name": dataset + "-best", "title": f"best settings on {dataset}", "candidates": candidates,
            "pick": "best"}


def all_studies():
    return [defaults_study(), table_study("mnist"), table_study("fashion-mnist"), best_study("mnist"),
            best_study("fashion-mnist")]


def quick(study):
    """The same study cut down to check that everything runs: 1 epoch, the first two candidates per rule."""
    cut = dict(study)
    cut["candidates"] = {rule: [dict(c, epochs=1) for c in runs[:2]] for rule, runs in study["candidates"].items()}
    return cut
