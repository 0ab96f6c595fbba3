#!/usr/bin/env bash
# Writes docs/images/store.png and docs/images/console.png, the README's pictures, and docs/images/insights.png
# (docs/INSIGHTS.md's): the bot as the README's first command runs it (Development, demo agent sam), on a throwaway
# data folder and a free loopback port, with the support team open at any hour; scripts/screenshots.cs then holds one
# conversation in headless Chromium and opens the Insights view over the demo's seeded month.
# Needs what ./test.sh installs: Debian's Chromium at /usr/bin/chromium and fonts.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -x /usr/bin/chromium ] || { echo "screenshots.sh: /usr/bin/chromium is missing (apt-get install chromium)" >&2; exit 2; }

dotnet build src/SupportBot.Host --nologo -v q >/dev/null

# A free port: the first from 5090 up that nothing answers on.
port=5090
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
address="http://127.0.0.1:$port"

data=$(mktemp -d)
log="$data/server.log"
src/SupportBot.Host/bin/Debug/net10.0/supportbot serve --environment Development --urls "$address" \
  --Storage:DataPath "$data" \
  --Handoff:Hours:0 "Mon-Sun 00:00-24:00" --Handoff:Hours:1 "Mon-Sun 00:00-24:00" >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$data"' EXIT

# A fresh data folder trains the intent model and embeds the knowledge first: up to a minute or two on 2 cores.
for _ in $(seq 1 300); do
  curl -fsS "$address/readyz" >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 1
done
curl -fsS "$address/readyz" >/dev/null || { echo "screenshots.sh: the bot was not ready after 300 s" >&2; cat "$log" >&2; exit 1; }

dotnet run scripts/screenshots.cs -- "$address" docs/images
