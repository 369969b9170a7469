# Shell helpers for scripts that run several NeuroMesh server processes side by side (the demo, the peer
# benchmarks). Source it after setting $server (the server product folder) and $work (where instances live).
# Every started process's pid goes to $work/pids; stop_servers kills them (scripts call it on exit).

# One folder per process: its own conf/, Equinox configuration area, identity, outbox and log.
instance() {
  local dir="$work/$1"
  mkdir -p "$dir/conf" "$dir/home" "$dir/plugins"
  cp -r "$server/configuration" "$dir/configuration"
  echo "$dir"
}

# Starts a server in the background; its console reads from a FIFO that this script holds open, so that
# commands can be written to it (fd returned in $console_fd) and it never sees the end of its input.
start_server() {
  local dir="$1"
  mkfifo "$dir/console.in"
  NEUROMESH_VMARGS="-Xmx1g -Dneuromesh.home=$dir/home -Dneuromesh.config.dir=$dir/conf -Dneuromesh.plugins.dir=$dir/plugins ${NEUROMESH_VMARGS:-}" \
    "$server/neuromesh-server" -configuration "$dir/configuration" < "$dir/console.in" > "$dir/console.log" 2>&1 &
  echo $! >> "$work/pids"
  exec {console_fd}>"$dir/console.in"
}

wait_for() { # file pattern seconds
  local waited=0
  until grep -qE "$2" "$1" 2>/dev/null; do
    sleep 0.5; waited=$((waited + 1))
    if [ "$waited" -gt $(($3 * 2)) ]; then echo "gave up waiting for '$2' in $1" >&2; return 1; fi
  done
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

stop_servers() {
  for pid in $(cat "$work/pids" 2>/dev/null); do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
