#!/usr/bin/env bash
# The main job: an embedded MQTT broker and several peers, each a separate NeuroMesh server process holding a
# different non-IID shard of MNIST (two digits each), learn together in one collaborative session. The
# coordinator (broker + aggregator, holding all of MNIST only for the centralised reference) prints a line per
# round and, at the end, per peer: accuracy alone, after the session, the centralised reference, bytes sent.
#
# Usage: run-demo.sh SERVER_DIR [--peers N] [--rounds N] [--steps N] [--hidden N] [--port N] [--work DIR]
# Everything lives under DIR (default target/demo/<time>/): each process's conf, identity, outbox and console log.
set -euo pipefail
server="$1"; shift
peers=8 rounds=60 steps=20 hidden=256 port=0 work=""
while [ $# -gt 0 ]; do
  case "$1" in
    --peers) peers="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --steps) steps="$2"; shift 2 ;;
    --hidden) hidden="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    *) echo "run-demo: unknown option '$1'" >&2; exit 2 ;;
  esac
done
top="$(cd "$(dirname "$0")/../.." && pwd)"
work="${work:-$top/target/demo/$(date +%Y%m%d-%H%M%S)}"
mkdir -p "$work"
source "$top/releng/lib/servers.sh"
if [ "$port" = 0 ]; then
  port=$(free_port)
fi

cleanup() {
  [ -n "${follower:-}" ] && kill "$follower" 2>/dev/null || true
  stop_servers
}
trap cleanup EXIT

coordinator=$(instance coordinator)
cat > "$coordinator/conf/org.neuromesh.broker.cfg" <<CFG
port = $port
CFG
cat > "$coordinator/conf/org.neuromesh.discovery.mqtt.cfg" <<CFG
port = $port
displayName = coordinator
CFG
echo "dataset = mnist" > "$coordinator/conf/org.neuromesh.learner.cfg"
echo "autoJoin = false" > "$coordinator/conf/org.neuromesh.peer.cfg"

for ((i = 0; i < peers; i++)); do
  dir=$(instance "peer-$i")
  cat > "$dir/conf/org.neuromesh.discovery.mqtt.cfg" <<CFG
host = 127.0.0.1
port = $port
displayName = peer-$i
CFG
  cat > "$dir/conf/org.neuromesh.learner.cfg" <<CFG
dataset = mnist
shardPeers = $peers
classesPerPeer = 2
shardIndex = $i
threads = 1
CFG
done

echo "demo: broker on 127.0.0.1:$port, $peers peers, $rounds rounds of $steps batches; files in $work"
start_server "$coordinator"
coordinator_console=$console_fd
log="$coordinator/console.log"
tail -n +1 -f "$log" | grep --line-buffered -E "^(demo|session|round|member|[0-9a-f]{8} |centralised|bytes|training)" &
follower=$!
wait_for "$log" "learner ready" 180
for ((i = 0; i < peers; i++)); do
  start_server "$work/peer-$i"
done
echo "neuromesh:session start --id demo --members $peers --rounds $rounds --steps $steps --hidden $hidden --wait --reference" >&"$coordinator_console"
wait_for "$log" "^(centralised reference|session failed)" 7200
sleep 1
echo "stop 0" >&"$coordinator_console"
grep -q "^centralised reference" "$log"
