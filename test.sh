#!/usr/bin/env bash
# Runs every test on a fresh machine of this kind: installs what the tests need when it is missing, then `dotnet test`.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "test.sh: the .NET 10 SDK is required (https://dot.net); it is not installed here." >&2
  exit 2
fi

# Charts in evaluation reports need a font; Debian's DejaVu is on this machine kind but may be missing elsewhere.
if [ ! -d /usr/share/fonts/truetype/dejavu ] && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  apt-get update -qq && apt-get install -y -qq fonts-dejavu-core >/dev/null
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test Bot.sln --nologo "$@" 2>&1 | tee "$log" || status=$?

# One closing line CI runners understand, summed over the test assemblies.
awk '/(Passed|Failed)! +- +Failed:/ {
       gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit $status
