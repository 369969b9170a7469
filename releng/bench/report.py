"""Prints the learning benchmark's table from the JSON lines bench-learning.sh collected."""
import json
import sys


def load(path):
    with open(path) as lines:
        return [json.loads(line) for line in lines if line.strip()]


def cell(value, fmt):
    return "-" if value is None else format(value, fmt)


def main(path):
    results = load(path)
    torch = {r["dataset"]: r for r in results if r.get("framework") == "pytorch"}
    header = ("run", "dataset", "task", "network", "test acc %", "epochs", "s/epoch", "samples/s",
              "peak MB", "vs PyTorch s/epoch")
    rows = []
    for r in results:
        if r.get("failed"):
            rows.append((r["label"], "FAILED", "", "", "", "", "", "", "", ""))
            continue
        reference = torch.get(r.get("dataset"))
        ratio = None
        if reference and r.get("framework") != "pytorch" and r.get("network") == reference.get("network"):
            ratio = r["seconds_per_epoch"] / reference["seconds_per_epoch"]
        rows.append((r["label"], r.get("dataset", ""), r.get("task", "static"), r.get("network", ""),
                     cell(r.get("test_accuracy"), ".2f"), str(r.get("epochs", "")),
                     cell(r.get("seconds_per_epoch"), ".2f"), cell(r.get("samples_per_second"), ".0f"),
                     cell(r.get("peak_rss_mb"), ".0f"), cell(ratio, ".2f")))
    widths = [max(len(str(row[i])) for row in rows + [header]) for i in range(len(header))]
    line = "  ".join("{:<%d}" % w for w in widths)
    print(line.format(*header))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print(line.format(*row))
    extra = [r for r in results if r.get("framework") == "neuromesh" and not r.get("failed")]
    print()
    print("topology and firing:")
    for r in extra:
        print("  %-32s hidden nodes %5d  live edges %6.1f%%  releases %5.1f%% (timer %4.1f%%)  kernels: %s" % (
            r["label"], r["hidden_nodes"], 100.0 * r["live_edges"] / r["total_edges"], 100 * r["release_rate"],
            100 * r["timer_share"], r["kernels"]))
    print()
    print("settings:")
    for r in extra:
        print("  %-32s augment %-10s schedule %-8s input %-8s %s" % (
            r["label"], r.get("augment", "none"), r.get("schedule", "constant"), r.get("normalise", "none"),
            r.get("rule_settings", "")))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "target/bench/learning.jsonl")
