#!/usr/bin/env bash
# Runs every test on a fresh machine of this kind: installs what the tests need when it is missing, then `dotnet test`.
# Arguments go to `dotnet test` as they are, e.g. `./test.sh --filter Category=Unit` (docs/TESTING.md); with none,
# the conversation evaluation suite runs afterwards as well, as CI (.ci/run) needs.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "test.sh: the .NET 10 SDK is required (https://dot.net); it is not installed here." >&2
  exit 2
fi

# System packages the tests use: Chromium for the real Web Chat page (Playwright drives Debian's build), DejaVu
# for chart text in evaluation reports. Installed only when missing; the page build needs npm.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -d /usr/share/fonts/truetype/dejavu ] || missing+=(fonts-dejavu-core)
command -v npm >/dev/null 2>&1 || missing+=(npm)
# nginx for the test that drives deploy/nginx/supportbot.conf in front of two instances.
[ -x /usr/sbin/nginx ] || missing+=(nginx)
# Installs Debian packages without starting their services (nginx would listen on every address, PostgreSQL on
# 5432): the tests start their own, on loopback, and stop them.
apt_install() {
  local policy=/usr/sbin/policy-rc.d created="" status=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' > "$policy" && chmod +x "$policy" && created=1
  fi
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null || status=$?
  [ -z "$created" ] || rm -f "$policy"
  return $status
}

if [ ${#missing[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "test.sh: installing ${missing[*]}"
    apt_install "${missing[@]}"
  else
    echo "test.sh: please install: ${missing[*]} (apt-get install ${missing[*]})" >&2
    exit 2
  fi
fi

# PostgreSQL for the storage and multi-instance tests: the one named by SUPPORTBOT_TEST_POSTGRES, else a throwaway one.
source scripts/test-postgres.sh
log=$(mktemp)
trap 'stop_test_postgres; rm -f "$log"' EXIT
start_test_postgres
status=0
dotnet test Bot.sln --nologo "$@" 2>&1 | tee "$log" || status=$?

# One closing line CI runners understand, summed over the test assemblies.
awk '/(Passed|Failed)! +- +Failed:/ {
       gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"

# The evaluation suite: every shipped conversation (English, French, Spanish) replayed against a fresh engine; JUnit,
# JSON and the HTML report are kept in artifacts/ for CI to collect. Only on a full run: a filtered one asked for those tests alone.
[ $# -eq 0 ] || exit $status
eval_status=0
dotnet run --project src/SupportBot.Host --no-build -- eval conversations eval/conversations \
  --junit artifacts/eval-conversations.junit.xml --json artifacts/eval-conversations.json --report artifacts/eval-conversations.html \
  || eval_status=$?
[ $status -ne 0 ] || status=$eval_status
exit $status
