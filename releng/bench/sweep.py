#!/usr/bin/python3
"""./neuromesh bench sweep: chooses every setting of the learning benchmark on the validation split.

Usage: ./neuromesh bench sweep [--only STUDY] [--quick]
  --only STUDY  one of: defaults, mnist-256, fashion-mnist-256, mnist-best, fashion-mnist-best
  --quick       1 epoch and two candidates per rule: checks that it runs, chooses nothing worth keeping

Each candidate is trained once (seed 1) with 10,000 training images held out and its final validation accuracy
read; the test set is never touched. Every run is recorded in releng/bench/records/sweep.jsonl (committed); a run
already recorded there with the same settings is not run again, so an interrupted sweep continues where it stopped
and a changed study runs only its new candidates. The choices go to releng/bench/chosen/<study>.json.
"""
import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import runs  # noqa: E402
import studies  # noqa: E402


def validation_accuracy(record):
    return record.get("validation_accuracy") if not record.get("failed") else None


def pick_best(records):
    """The candidate with the highest validation accuracy (the earlier one on a tie)."""
    usable = [r for r in records if validation_accuracy(r) is not None]
    return max(usable, key=validation_accuracy) if usable else None


def pick_sparsest(records):
    """For the gating defaults: per width, the sparsest setting whose validation accuracy is within 0.5 points of
    plain ReLU at that width; the narrowest width whose choice releases at most 25% of its nodes per sample, else
    the sparsest choice overall."""
    choices = []
    for hidden in sorted({r["settings"]["hidden"] for r in records}, key=lambda h: int(h.split(",")[0])):
        at_width = [r for r in records if r["settings"]["hidden"] == hidden and validation_accuracy(r) is not None]
        relu = [r for r in at_width if r["settings"]["gating"] == "relu"]
        if not relu:
            continue
        floor = validation_accuracy(relu[0]) - 0.5
        within = [r for r in at_width if r["settings"]["gating"] == "paper" and validation_accuracy(r) >= floor]
        if within:
            choices.append(min(within, key=lambda r: r["release_rate"]))
    if not choices:
        return None
    sparse_enough = [c for c in choices if c["release_rate"] <= 0.25]
    return sparse_enough[0] if sparse_enough else min(choices, key=lambda r: r["release_rate"])


def run_study(study, cache, out, log):
    done = {runs.describe(r["settings"]): r for r in runs.load(cache) if not r.get("failed")}
    chosen = {}
    tried = {}
    for rule, candidates in study["candidates"].items():
        records = []
        for run in candidates:
            key = runs.describe(run)
            record = done.get(key) or runs.train(run, f"sweep {study['name']} {rule}", cache, log)
            records.append(record)
            print(f"   {study['name']} {rule}: {key} -> validation {validation_accuracy(record)}%, releases "
                  f"{record.get('release_rate')}", file=log, flush=True)
        best = pick_sparsest(records) if study["pick"] == "sparsest-within-half-a-point" else pick_best(records)
        chosen[rule] = best["settings"] if best else None
        tried[rule] = [{"settings": r["settings"], "validation_accuracy": validation_accuracy(r),
                        "release_rate": r.get("release_rate"), "layers": r.get("layers")} for r in records]
    result = {"study": study["name"], "title": study["title"], "pick": study["pick"], "chosen": chosen,
              "candidates": tried}
    with open(out, "w") as file:
        json.dump(result, file, indent=1)
        file.write("\n")
    print(f"sweep: {study['name']}: chose " + "; ".join(
        f"{rule}: {runs.describe(s) if s else 'nothing (every candidate failed)'}" for rule, s in chosen.items()),
        flush=True)
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=[s["name"] for s in studies.all_studies()])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    target = runs.RESULTS
    os.makedirs(target, exist_ok=True)
    chosen_folder = os.path.join(target, "chosen-quick") if args.quick else os.path.join(runs.TOP, "releng", "bench",
                                                                                          "chosen")
    os.makedirs(chosen_folder, exist_ok=True)
    os.makedirs(runs.RECORDS, exist_ok=True)
    cache = os.path.join(target, "sweep-quick.jsonl") if args.quick else os.path.join(runs.RECORDS, "sweep.jsonl")
    with open(os.path.join(target, "sweep.log"), "a") as log:
        for study in studies.all_studies():
            if args.only and study["name"] != args.only:
                continue
            if args.quick:
                study = studies.quick(study)
            run_study(study, cache, os.path.join(chosen_folder, study["name"] + ".json"), log)


if __name__ == "__main__":
    main()
