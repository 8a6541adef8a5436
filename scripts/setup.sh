#!/usr/bin/env bash
# Installs whatever is missing for RtfmGym and builds it. Idempotent and quiet when
# everything is already in place. Used by ./rtfmgym and ./test.sh; safe to run by hand.
#   scripts/setup.sh            # Release build of the CLI (for ./rtfmgym)
#   scripts/setup.sh --tests    # also what the test suite needs
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
WANT_TESTS=0
[[ "${1:-}" == "--tests" ]] && WANT_TESTS=1
log() { echo "[setup] $*" >&2; }

# --- Debian packages --------------------------------------------------------------
# ffmpeg: episode videos; libtorch-dev + libopenblas0-pthread: the native torch shim;
# libzmq5: the bridge; python3-*: the Python client and its tests (python3-torch: the PPO
# example's smoke test, clients/python/examples); chromium: the browser that the `play` page
# tests drive headless (the system one, never a download).
APT_PACKAGES=(ffmpeg libzmq5 libtorch-dev libopenblas0-pthread cmake g++ make)
APT_TEST_PACKAGES=(python3 python3-zmq python3-msgpack python3-numpy python3-torch chromium)
want=("${APT_PACKAGES[@]}")
(( WANT_TESTS )) && want+=("${APT_TEST_PACKAGES[@]}")
missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# npm fetches the msgpack-test-suite conformance data; Node images ship it, plain Debian needs the package.
if (( WANT_TESTS )) && [[ -f package.json ]] && ! command -v npm >/dev/null 2>&1; then missing+=(npm); fi
if (( ${#missing[@]} )); then
  log "installing Debian packages: ${missing[*]}"
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq >/dev/null
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- npm packages (test data for conformance tests) ----------------------------
if (( WANT_TESTS )) && [[ -f package.json ]] && [[ ! -d node_modules || package.json -nt node_modules/.stamp ]]; then
  log "installing npm packages"
  npm ci --silent --no-audit --no-fund >/dev/null 2>&1 || npm install --silent --no-audit --no-fund >/dev/null
  touch node_modules/.stamp
fi

# --- native shim (libtorch) ------------------------------------------------------
if [[ -x native/build.sh ]]; then
  native/build.sh
fi

# --- .NET build --------------------------------------------------------------------
CONFIG="${RTFMGYM_CONFIG:-Release}"
SUFFIX=""; (( WANT_TESTS )) && SUFFIX="-tests"
STAMP=".stamps/build-$CONFIG$SUFFIX"
mkdir -p .stamps
if [[ ! -f "$STAMP" ]] || [[ -n "$(find src tests bench native/build Directory.Build.props Directory.Packages.props RtfmGym.sln .editorconfig \
      -newer "$STAMP" \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.sln' -o -name '.editorconfig' -o -name 'librtfmtorch.so' \) -print -quit 2>/dev/null)" ]]; then
  log "building ($CONFIG)"
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
  # The test build (./test.sh, CI) turns warnings into errors; see RtfmGymStrict in Directory.Build.props.
  if (( WANT_TESTS )); then target=RtfmGym.sln; strict=true; else target=src/Cli/Cli.csproj; strict=false; fi
  if ! out=$(dotnet build "$target" -c "$CONFIG" --nologo -v q -clp:ErrorsOnly -p:RtfmGymStrict=$strict 2>&1); then
    echo "$out" >&2; log "build failed"; exit 1
  fi
  touch "$STAMP"
fi
