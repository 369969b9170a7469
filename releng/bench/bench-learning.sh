#!/usr/bin/env bash
# The learning benchmark: every rule on MNIST and Fashion-MNIST, the temporal-credit task with and without
# traces, grown and pruned networks, and the same 784-256-10 network trained by PyTorch in the same run.
# Prints one table (and keeps the raw RESULT lines in $BENCH_OUT, default target/bench/learning.jsonl).
#
# Usage: ./neuromesh bench learning [--epochs N] [--quick]
#   --epochs N   epochs for the rule-by-data-set table (default 10)
#   --quick      2 epochs everywhere and fewer extra runs: checks that the benchmark works, not the numbers
set -euo pipefail
top="$(cd "$(dirname "$0")/../.." && pwd)"
epochs=10
best_epochs=30
quick=false
while [ $# -gt 0 ]; do
  case "$1" in
    --epochs) epochs="$2"; shift 2 ;;
    --quick) quick=true; epochs=2; best_epochs=2; shift ;;
    *) echo "bench-learning: unknown option $1" >&2; exit 2 ;;
  esac
done
out="${BENCH_OUT:-$top/target/bench/learning.jsonl}"
mkdir -p "$(dirname "$out")"
: > "$out"

bash "$top/releng/bench/install-bench-deps.sh"
bash "$top/releng/fetch-mnist.sh" >/dev/null
bash "$top/releng/fetch-fashion-mnist.sh" >/dev/null
data="${NEUROMESH_DATA:-$HOME/.cache/neuromesh/datasets}"

# run LABEL ARGS...: one training in a fresh server; its RESULT line goes to $out with the label added.
run() {
  local label="$1"; shift
  echo "== $label: ./neuromesh train $*" >&2
  local line
  line=$("$top/neuromesh" train "$@" --result | tee /dev/stderr | grep '^RESULT ' | tail -1 || true)
  if [ -z "$line" ]; then
    echo "bench-learning: '$label' produced no result" >&2
    echo "{\"label\":\"$label\",\"failed\":true}" >> "$out"
    return
  fi
  echo "{\"label\":\"$label\",${line#RESULT \{}" >> "$out"
}

torch() {
  local dataset="$1"
  echo "== pytorch $dataset" >&2
  local line
  line=$(/usr/bin/python3 "$top/releng/bench/torch_reference.py" --data "$data/$dataset" --epochs "$epochs" \
      --batch 128 --hidden 256 --threads 2 | tee /dev/stderr | grep '^RESULT ' | tail -1 || true)
  if [ -z "$line" ]; then
    echo "{\"label\":\"pytorch $dataset\",\"failed\":true}" >> "$out"
  else
    echo "{\"label\":\"pytorch $dataset\",${line#RESULT \{}" >> "$out"
  fi
}

for dataset in mnist fashion-mnist; do
  torch "$dataset"
  for rule in eligibility direct-feedback forward-forward pepita backprop-reference; do
    run "$rule $dataset" --dataset "$dataset" --rule "$rule" --epochs "$epochs" --hidden 256
  done
done

# The best forward-only configurations: wider, longer, with a cosine learning-rate schedule; on MNIST with shifted
# training images (the accuracy targets are measured here; the 784-256-10 runs above stay like for like with PyTorch).
# Rule settings per data set come from releng/bench/conf/<data set>/<pid>.cfg (where there is such a folder),
# applied for that run only (NEUROMESH_RULE_CONF, see ./neuromesh --help).
best() {
  local conf="$top/releng/bench/conf/$1"; shift
  if [ -d "$conf" ]; then
    NEUROMESH_RULE_CONF="$conf" run "$@"
  else
    run "$@"
  fi
}
best mnist "best eligibility mnist" --dataset mnist --rule eligibility --epochs "$best_epochs" \
    --hidden 1024,1024 --augment shift:1 --schedule cosine
best mnist "best direct-feedback mnist" --dataset mnist --rule direct-feedback --epochs "$best_epochs" \
    --hidden 1024,1024 --augment shift:1 --schedule cosine
# Fashion-MNIST: one wide layer on standardised pixels (raw pixels all share a positive mean, which slows the
# forward-only rules; shifted or mirrored images did not help there).
best fashion-mnist "best eligibility fashion-mnist" --dataset fashion-mnist --rule eligibility \
    --epochs "$best_epochs" --hidden 1024 --normalise standard --schedule cosine
best fashion-mnist "best direct-feedback fashion-mnist" --dataset fashion-mnist --rule direct-feedback \
    --epochs "$best_epochs" --hidden 1024 --normalise standard --schedule cosine

# Temporal credit: the image once, the error 5 blank steps later; traces on and off.
run "delayed, traces on" --task delayed --delay 5 --trace-decay 0.9 --rule eligibility --epochs 3 --hidden 128
run "delayed, traces off" --task delayed --delay 5 --trace-decay 0 --rule eligibility --epochs 3 --hidden 128

# Dynamic topology: grown from 32 nodes vs fixed at 32; pruned vs unpruned.
run "fixed 32" --rule eligibility --epochs "$epochs" --hidden 32
run "grown from 32" --rule eligibility --epochs "$epochs" --hidden 32 --split 24 --max-nodes 256
run "unpruned 256" --rule eligibility --epochs "$epochs" --hidden 256
run "pruned 256" --rule eligibility --epochs "$epochs" --hidden 256 --prune 0.3 --prune-from 2 --duplicate 200

/usr/bin/python3 "$top/releng/bench/report.py" "$out"
