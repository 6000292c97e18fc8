#!/usr/bin/env bash
# check.sh — the whole test suite: a normal -Werror build (build/) and an
# AddressSanitizer + UndefinedBehaviorSanitizer build (build-asan/), each
# running every CTest test (cmocka unit tests, CLI end-to-end tests, lint).
# Both builds run whatever fails in the other; at the end every failure is
# listed and the exit status is non-zero if anything failed.
# Usage: bash tests/check.sh [--fast]   (--fast: skip the sanitizer build)
set -uo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)
failed=()

# suite NAME BUILD_DIR CMAKE_ARGS...: configure, build and test one build.
suite() {
    local name=$1 dir=$2
    shift 2
    echo "== $name build ($dir)"
    if ! cmake -S . -B "$dir" "$@" >/dev/null; then
        failed+=("$name: cmake configure")
        return
    fi
    if ! cmake --build "$dir" -j "$jobs"; then
        failed+=("$name: build")
        return
    fi
    if ! ctest --test-dir "$dir" --output-on-failure --no-tests=error -j "$jobs"; then
        local t
        while IFS= read -r t; do
            [ -n "$t" ] && failed+=("$name: $t")
        done < <(sed -n 's/^[0-9]*:\(.*\)$/\1/p' "$dir/Testing/Temporary/LastTestsFailed.log" 2>/dev/null)
        [ -s "$dir/Testing/Temporary/LastTestsFailed.log" ] || failed+=("$name: ctest")
    fi
}

# the suite needs what a user's build may go without (cmocka): required here
suite release build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGLOSSA_REQUIRE_TESTS=ON
if [ "${1:-}" != "--fast" ]; then
    suite sanitizer build-asan -DCMAKE_BUILD_TYPE=Debug -DGLOSSA_SANITIZE=address,undefined \
        -DGLOSSA_REQUIRE_TESTS=ON
fi

if [ ${#failed[@]} -gt 0 ]; then
    echo "check.sh: ${#failed[@]} failure(s):"
    printf '  %s\n' "${failed[@]}"
    exit 1
fi
echo "check.sh: every test passed"
