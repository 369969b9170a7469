#!/usr/bin/env bash
# Node borrowing between two server processes, as users run it from the shell: "low" learnt digits 0-4 only,
# "high" digits 5-9; low borrows trained nodes for 5-9 from high for credits and prints its accuracy on those
# digits before and after the graft. The broker is low's embedded one.
#
# Usage: run-borrow.sh SERVER_DIR [--nodes N] [--hidden N] [--epochs N] [--work DIR]
set -euo pipefail
server="$1"; shift
nodes=128 hidden=256 epochs=3 work=""
while [ $# -gt 0 ]; do
  case "$1" in
    --nodes) nodes="$2"; shift 2 ;;
    --hidden) hidden="$2"; shift 2 ;;
    --epochs) epochs="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    *) echo "run-borrow: unknown option '$1'" >&2; exit 2 ;;
  esac
done
top="$(cd "$(dirname "$0")/../.." && pwd)"
work="${work:-$top/target/bench/borrow/$(date +%Y%m%d-%H%M%S)}"
mkdir -p "$work"
source "$top/releng/lib/servers.sh"
trap stop_servers EXIT
port=$(free_port)

for name in low high; do
  dir=$(instance "$name")
  echo "autoJoin = false" > "$dir/conf/org.neuromesh.peer.cfg"
done
# low names no broker host: it runs the embedded broker, on $port; high connects to it
printf 'port = %s\ndisplayName = low\n' "$port" > "$work/low/conf/org.neuromesh.discovery.mqtt.cfg"
echo "port = $port" > "$work/low/conf/org.neuromesh.broker.cfg"
printf 'host = 127.0.0.1\nport = %s\ndisplayName = high\n' "$port" > "$work/high/conf/org.neuromesh.discovery.mqtt.cfg"
echo "mode = never" > "$work/high/conf/org.neuromesh.broker.cfg"
printf 'dataset = mnist\nclasses = 0,1,2,3,4\n' > "$work/low/conf/org.neuromesh.learner.cfg"
printf 'dataset = mnist\nclasses = 5,6,7,8,9\n' > "$work/high/conf/org.neuromesh.learner.cfg"

start_server "$work/low"; low=$console_fd
wait_for "$work/low/console.log" "Embedded MQTT broker started" 120
start_server "$work/high"; high=$console_fd
for name in low high; do
  wait_for "$work/$name/console.log" "peer [0-9a-f]{8} ready" 180
  wait_for "$work/$name/console.log" "learner ready" 180
done
echo "borrow: both peers ready; training each own model ($hidden hidden, $epochs epochs) on its five digits"
echo "neuromesh:borrow train-own --hidden $hidden --epochs $epochs" >&"$low"
echo "neuromesh:borrow train-own --hidden $hidden --epochs $epochs" >&"$high"
wait_for "$work/low/console.log" "own model:" 900
wait_for "$work/high/console.log" "own model:" 900
grep -h "own model:" "$work/low/console.log" "$work/high/console.log"
# low must know high (its presence and keys) before it asks
until grep -q " high " "$work/low/console.log"; do echo "neuromesh:peers" >&"$low"; sleep 1; done
echo "neuromesh:borrow --classes 5,6,7,8,9 --nodes $nodes --credits 100000" >&"$low"
wait_for "$work/low/console.log" "^(accuracy on classes|borrow failed)" 300
grep -hE "^(borrowed|accuracy on classes|borrow failed)" "$work/low/console.log"
echo "neuromesh:credits" >&"$low"
wait_for "$work/low/console.log" "^total " 30
grep -h "^total " "$work/low/console.log"
echo "stop 0" >&"$low"; echo "stop 0" >&"$high"
grep -q "^accuracy on classes" "$work/low/console.log"
