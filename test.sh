#!/usr/bin/env bash
# Runs the whole RtfmGym test suite (C# and Python), installing what is missing first.
#   ./test.sh                    # everything
#   ./test.sh --filter Name~Pose # passes the filter to dotnet test
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
RTFMGYM_CONFIG=Release scripts/setup.sh --tests
export RTFMGYM_HOME="$ROOT" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
RESULTS="$ROOT/TestResults"
rm -rf "$RESULTS"
status=0
dotnet test RtfmGym.sln -c Release --no-build --nologo -v q \
  --logger "trx" --results-directory "$RESULTS" "$@" || status=$?
# Python client tests (clients/python) against a live server, when present.
if [[ -x clients/python/run_tests.sh ]]; then
  clients/python/run_tests.sh || status=$?
fi
scripts/summarize-tests.sh "$RESULTS" || true
exit $status
