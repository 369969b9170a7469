#!/usr/bin/env bash
# ./neuromesh bench learning|sweep: installs what the benchmark needs (Debian's python3-torch, numpy, matplotlib,
# OpenBLAS), fetches both data sets, then runs releng/bench/learning.py or sweep.py with the arguments given
# (--help lists them). Both use Debian's /usr/bin/python3, which sees Debian's packages.
set -euo pipefail
top="$(cd "$(dirname "$0")/../.." && pwd)"
what="$1"
shift
bash "$top/releng/bench/install-bench-deps.sh" >&2
bash "$top/releng/fetch-mnist.sh" >/dev/null
bash "$top/releng/fetch-fashion-mnist.sh" >/dev/null
case "$what" in
  learning) exec /usr/bin/python3 "$top/releng/bench/learning.py" "$@" ;;
  sweep) exec /usr/bin/python3 "$top/releng/bench/sweep.py" "$@" ;;
  *) echo "bench-learning: unknown benchmark '$what' (learning or sweep)" >&2; exit 2 ;;
esac
