#!/usr/bin/env bash
# Builds native/build/librtfmtorch.so (the libtorch C shim used by src/Torch).
# Idempotent and silent when the library is up to date; installs nothing (scripts/setup.sh
# provides libtorch-dev, cmake, g++). Another libtorch (e.g. a CUDA 2.x build) is used when
# CMAKE_PREFIX_PATH or TORCH_DIR points at it:
#   CMAKE_PREFIX_PATH=$(python3 -c 'import torch;print(torch.utils.cmake_prefix_path)') native/build.sh
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BUILD="$HERE/build"
LIB="$BUILD/librtfmtorch.so"
JOBS="${RTFMGYM_NATIVE_JOBS:-2}"

# The stamp covers the sources and the libtorch selection, so switching libtorch rebuilds.
key="$( { cat "$HERE/CMakeLists.txt" "$HERE"/src/*; echo "${CMAKE_PREFIX_PATH:-}|${TORCH_DIR:-}"; } | sha256sum | cut -c1-64)"
STAMP="$BUILD/.stamp"
if [[ -f "$LIB" && -f "$STAMP" && "$(cat "$STAMP")" == "$key" ]]; then
  exit 0
fi

echo "[native] building librtfmtorch.so (libtorch shim)" >&2
mkdir -p "$BUILD"
args=(-S "$HERE" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release)
[[ -n "${TORCH_DIR:-}" ]] && args+=("-DTorch_DIR=$TORCH_DIR")
# A changed libtorch selection needs a fresh cache; CMake would otherwise keep the old one.
prev_sel="$BUILD/.selection"
sel="${CMAKE_PREFIX_PATH:-}|${TORCH_DIR:-}"
if [[ -f "$prev_sel" && "$(cat "$prev_sel")" != "$sel" ]]; then
  rm -rf "$BUILD/CMakeCache.txt" "$BUILD/CMakeFiles"
fi
log="$BUILD/build.log"
if ! { cmake "${args[@]}" && cmake --build "$BUILD" -j "$JOBS"; } >"$log" 2>&1; then
  tail -n 60 "$log" >&2
  echo "[native] build failed; full log: $log" >&2
  exit 1
fi
echo "$sel" >"$prev_sel"
echo "$key" >"$STAMP"
