#!/usr/bin/env bash
# Resident memory of the bot alone while `load` drives it from another process: N Direct Line conversations, each its
# own WebSocket, for S seconds, lexical, SQLite. Prints the load's figures, then the bot's RSS before, at its peak during
# the run (sampled each second) and after. Usage: tests/SupportBot.Benchmarks/measure-load-memory.sh [N=1000] [S=60]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
conversations=${1:-1000}
seconds=${2:-60}
port=5097
dotnet build "$root/src/SupportBot.Host" -c Release -v q >/dev/null
dotnet build "$root/tests/SupportBot.Benchmarks" -c Release -v q >/dev/null
data=$(mktemp -d)
# The same settings `load` gives the bots it starts itself (DirectLineLoad.cs), and its secret.
dotnet "$root/src/SupportBot.Host/bin/Release/net10.0/supportbot.dll" --urls "http://127.0.0.1:$port" --Storage:DataPath "$data" \
  --DirectLine:Secret load-secret-0123456789-abcdef-0123456789 --Logging:LogLevel:Default=Warning --Knowledge:WatchForChanges false \
  --Limits:MessagesPerMinutePerConversation 0 --Limits:MessagesPerMinutePerClient 0 --Limits:HandoffsPerHourPerClient 0 \
  --Embeddings:Provider None >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$data"' EXIT
until curl -s "127.0.0.1:$port/readyz" | grep -q ready; do sleep 0.2; done
rss() { awk '/VmRSS/ {printf "%.0f MB", $2/1024}' "/proc/$server/status"; }
echo "bot RSS when ready: $(rss)"
peak=0
( while kill -0 $server 2>/dev/null; do awk '/VmRSS/ {print $2}' "/proc/$server/status"; sleep 1; done ) > "$data/rss.log" &
sampler=$!
(cd "$root/tests/SupportBot.Benchmarks" && dotnet bin/Release/net10.0/SupportBot.Benchmarks.dll load "$conversations" "$seconds" --server "http://127.0.0.1:$port")
kill $sampler 2>/dev/null || true
peak=$(sort -n "$data/rss.log" | tail -1)
echo "bot RSS peak during the run: $((peak / 1024)) MB; after it: $(rss)"
