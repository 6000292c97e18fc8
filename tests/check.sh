#!/usr/bin/env bash
# check.sh — the whole test suite: a normal -Werror build (build/) and an
# AddressSanitizer + UndefinedBehaviorSanitizer build (build-asan/), each
# running every CTest test (cmocka unit tests, CLI end-to-end tests, lint).
# Usage: bash tests/check.sh [--fast]   (--fast: skip the sanitizer build)
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$jobs"
ctest --test-dir build --output-on-failure -j "$jobs"

if [ "${1:-}" != "--fast" ]; then
    cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DGLOSSA_SANITIZE=address,undefined >/dev/null
    cmake --build build-asan -j "$jobs"
    ctest --test-dir build-asan --output-on-failure -j "$jobs"
fi
