#!/usr/bin/env bash
# Time from starting the server to a ready /readyz with the packaged model, on an empty cache and then with the
# caches the first start left (vectors.db, the trained intent model), and the resident memory when ready.
# Usage: tests/SupportBot.Benchmarks/measure-start.sh   (builds Release, serves on 127.0.0.1:5097, stops by itself)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
dotnet build "$root/src/SupportBot.Host" -c Release -v q >/dev/null
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
start() {
  local began server
  began=$(date +%s.%N)
  DirectLine__Secret=startsecret-0123456789-abcdef-0123456789 dotnet "$root/src/SupportBot.Host/bin/Release/net10.0/supportbot.dll" \
    --urls http://127.0.0.1:5097 --Storage:DataPath "$data" --Embeddings:CachePath "$data/embeddings" \
    --Logging:LogLevel:Default=Warning >/dev/null 2>&1 &
  server=$!
  until curl -s 127.0.0.1:5097/readyz | grep -q '"status":"ready"'; do
    kill -0 $server 2>/dev/null || { echo "the server exited" >&2; exit 1; }
    sleep 0.05
  done
  printf '%-22s %6.2f s   %s\n' "$1" "$(echo "$(date +%s.%N) - $began" | bc)" "$(grep VmRSS /proc/$server/status | tr -s ' ')"
  kill $server; wait $server 2>/dev/null || true
}
start "empty caches:"
start "with caches:"
start "with caches, again:"
