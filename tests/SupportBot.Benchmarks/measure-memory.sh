#!/usr/bin/env bash
# Resident memory of the server after 1,000 Direct Line conversations of three turns each (target: <= 300 MB).
# Usage: tests/SupportBot.Benchmarks/measure-memory.sh   (builds Release, serves on 127.0.0.1:5096, stops by itself)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
dotnet build "$root/src/SupportBot.Host" -c Release -v q >/dev/null
data=$(mktemp -d)
DirectLine__Secret=memsecret-0123456789-abcdef-0123456789 dotnet "$root/src/SupportBot.Host/bin/Release/net10.0/supportbot.dll" \
  --urls http://127.0.0.1:5096 --Storage:DataPath "$data" --Logging:LogLevel:Default=Warning >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$data"' EXIT
until curl -s 127.0.0.1:5096/readyz | grep -q ready; do sleep 0.1; done
echo "after start:     $(grep VmRSS /proc/$server/status)"
python3 - <<'PY'
import json, urllib.request, concurrent.futures
def call(method, path, token, body=None):
    request = urllib.request.Request("http://127.0.0.1:5096" + path, method=method,
        data=json.dumps(body).encode() if body is not None else None,
        headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read() or b"{}")
def conversation(i):
    started = call("POST", "/v3/directline/conversations", "memsecret", {"user": {"id": f"u{i}"}})
    for text in ["do you ship to canada", "how long do I have to return something?", "thanks"]:
        call("POST", f"/v3/directline/conversations/{started['conversationId']}/activities", started["token"],
             {"type": "message", "text": text, "from": {"id": f"u{i}"}})
with concurrent.futures.ThreadPoolExecutor(16) as pool:
    list(pool.map(conversation, range(1000)))
PY
echo "after 1,000:     $(grep VmRSS /proc/$server/status)"
echo "peak:            $(grep VmHWM /proc/$server/status)"
