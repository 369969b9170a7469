#!/usr/bin/env bash
# The peers benchmark, three parts in one run, then one summary:
#   1. the broker path: capsule throughput and round trips of the MQTT transport through Mosquitto (TLS, outbox on
#      disk and on tmpfs), next to a bare Paho client and mosquitto_pub/mosquitto_sub with the same payloads;
#   2. node borrowing: a peer that learnt digits 0-4 borrows trained nodes for 5-9 from another (before/after);
#   3. a non-IID session: 8 peer processes with two digits each against the centralised reference.
# Logs and raw output go to target/bench/peers/.
#
# Usage: ./neuromesh bench peers SERVER_DIR [--rounds N] [--quick]
#   --rounds N   rounds of the 8-peer session (default 120, 20 local batches each)
#   --quick      a short session, a small borrow: checks the benchmark end to end, not the numbers
set -euo pipefail
server="$1"; shift
top="$(cd "$(dirname "$0")/../.." && pwd)"
rounds=120 steps=20 borrow_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    --quick) rounds=8; steps=5; borrow_args=(--hidden 64 --epochs 1 --nodes 32); shift ;;
    *) echo "bench-peers: unknown option $1" >&2; exit 2 ;;
  esac
done
out="$top/target/bench/peers"
rm -rf "$out"
mkdir -p "$out"
bash "$top/releng/install-test-deps.sh" # Mosquitto, its clients and OpenSSL
bash "$top/releng/fetch-mnist.sh" >/dev/null

echo "== 1/3 broker path (MqttBenchmark: transport, bare Paho, mosquitto_pub/sub; about 2 minutes)"
(cd "$top" && ./mvnw -q verify -Dneuromesh.bench=true -Dtest=MqttBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -pl bundles/org.neuromesh.api,bundles/org.neuromesh.crypto,bundles/org.neuromesh.broker,tests/org.neuromesh.testing.mosquitto,bundles/org.neuromesh.discovery.mqtt) \
  > "$out/broker.log" 2>&1 || { tail -50 "$out/broker.log"; echo "bench-peers: the broker measurements failed" >&2; exit 1; }

echo "== 2/3 node borrowing (two server processes)"
bash "$top/releng/bench/run-borrow.sh" "$server" --work "$out/borrow" "${borrow_args[@]}" | tee "$out/borrow.log"

echo "== 3/3 non-IID session: 8 peer processes, $rounds rounds of $steps batches"
bash "$top/releng/demo/run-demo.sh" "$server" --peers 8 --rounds "$rounds" --steps "$steps" --work "$out/session" \
  | tee "$out/session.log"

echo
echo "==================== NeuroMesh peers benchmark ===================="
sed -n '/=== MQTT measurements/,/^$/p' "$out/broker.log" | grep -v "^$" || grep "measured:" "$out/broker.log"
echo
echo "Node borrowing (low learnt 0-4, borrows nodes for 5-9 from high):"
grep -E "^(borrowed|accuracy on classes)" "$out/borrow.log" | sed 's/^/  /'
python3 - "$out/borrow.log" "$out/session.log" <<'PY'
import re, sys
borrow = open(sys.argv[1]).read()
m = re.search(r"accuracy on classes \S.*?: ([0-9.]+)% before, ([0-9.]+)% after", borrow)
if m:
    gain = float(m.group(2)) - float(m.group(1))
    print("  gain on the borrowed digits: %+.2f points (target >= 40: %s)" % (gain, "met" if gain >= 40 else "NOT met"))
session = open(sys.argv[2]).read()
print()
print("Non-IID session (8 peers, 2 digits each):")
for line in session.splitlines():
    if re.match(r"^(session model|centralised reference|bytes per member)", line):
        print("  " + line)
model = re.search(r"session model: ([0-9.]+)% after (\d+) rounds in ([0-9.]+) s", session)
reference = re.search(r"centralised reference .*?: ([0-9.]+)%", session)
if model and reference:
    gap = float(reference.group(1)) - float(model.group(1))
    print("  %s rounds, %.0f s wall; %.2f points below the centralised reference (target <= 1.5: %s)" % (
        model.group(2), float(model.group(3)), gap, "met" if gap <= 1.5 else "NOT met"))
PY
