#!/usr/bin/env bash
# run.sh — run the libFuzzer harnesses for a set time each and summarise.
#
# Usage: bash tests/fuzz/run.sh SECONDS [TARGET ...]     (targets: tei query tokenizer tbx cli db)
# Environment: BUILD    the clang build with -DGLOSSA_FUZZ=ON (default build-fuzz;
#                       configured and built here when it does not exist)
#              JOBS     how many targets run at once (default 1)
#              OUT      where work corpora, logs and crash files go (default $BUILD/fuzz-out)
# Each target starts from tests/fuzz/corpus/<target>/ (never written to) and
# its dictionary tests/fuzz/<target>.dict, runs niced with -rss_limit_mb=1024
# and -timeout=5, and writes new inputs to $OUT/<target>/corpus. A crash,
# leak, timeout or broken property leaves $OUT/<target>/crash-* (or leak-*,
# timeout-*, oom-*): minimise it (fuzz_<target> -minimize_crash=1 FILE),
# fix the bug, and add the file to tests/fuzz/corpus/<target>/ as a
# regression (the fuzz/<target> CTest test replays it with any compiler).
set -u
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
seconds=${1:?usage: run.sh SECONDS [TARGET ...]}
shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(tei query tokenizer tbx cli db)
BUILD=$(realpath -m "${BUILD:-$src/build-fuzz}")   # the runs cd to their output directory
JOBS=${JOBS:-1}
OUT=${OUT:-$BUILD/fuzz-out}

if [ ! -x "$BUILD/tests/fuzz/fuzz_${targets[0]}" ]; then
    cmake -S "$src" -B "$BUILD" -DCMAKE_C_COMPILER=clang -DGLOSSA_FUZZ=ON \
        -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null || exit 2
fi
cmake --build "$BUILD" -j2 --target $(printf 'fuzz_%s ' "${targets[@]}") >/dev/null || exit 2

# libFuzzer treats one malloc() over -malloc_limit_mb (default: the RSS
# limit) as out of memory. On some damaged databases SQLite asks for 1 GiB
# (an address range: glibc maps it lazily, RSS stays ~15 MB) before it finds
# the damage and says so; fuzz_db gets room for that, its RSS limit is the same.
malloc_limit() {
    case $1 in
        db) echo 2048 ;;
        *) echo 1024 ;;
    esac
}

max_len() {
    case $1 in
        tei|tbx) echo 65536 ;;
        query) echo 4200 ;;   # past the 4096-byte query limit
        cli) echo 8192 ;;     # hits with hundreds of highlighted words
        db) echo 131072 ;;    # database images: the seeds have 512-byte pages
        *) echo 4096 ;;
    esac
}

run_one() {
    local t=$1 dir="$OUT/$1"
    mkdir -p "$dir/corpus"
    ( cd "$dir" && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:symbolize=1:quarantine_size_mb=16 \
        UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        nice -n 19 "$BUILD/tests/fuzz/fuzz_$t" \
        -max_total_time="$seconds" -rss_limit_mb=1024 -malloc_limit_mb="$(malloc_limit "$t")" -timeout=5 -max_len="$(max_len "$t")" \
        -dict="$here/$t.dict" -artifact_prefix="$dir/" -print_final_stats=1 \
        "$dir/corpus" "$here/corpus/$t" ) >"$dir/log" 2>&1
    echo $? >"$dir/status"
}

start=$(date +%s)
running=0
for t in "${targets[@]}"; do
    run_one "$t" &
    running=$((running + 1))
    if [ "$running" -ge "$JOBS" ]; then
        wait -n
        running=$((running - 1))
    fi
done
wait

printf '%-10s %8s %12s %10s %8s %8s %6s  %s\n' target seconds runs execs/s cov ft corpus findings
found=0
for t in "${targets[@]}"; do
    dir="$OUT/$t"
    log="$dir/log"
    runs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | awk '{print $2}' | tail -1)
    rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | awk '{print $2}' | tail -1)
    last=$(grep -E '^#[0-9]+' "$log" | grep -o 'cov: [0-9]* ft: [0-9]* corp: [0-9]*' | tail -1)
    cov=$(awk '{print $2}' <<<"$last")
    ft=$(awk '{print $4}' <<<"$last")
    corp=$(awk '{print $6}' <<<"$last")
    findings=$(cd "$dir" && ls -1 crash-* leak-* timeout-* oom-* slow-unit-* 2>/dev/null | tr '\n' ' ')
    status=$(cat "$dir/status" 2>/dev/null || echo '?')
    if [ -n "$findings" ] || [ "$status" != 0 ]; then
        found=1
        [ -n "$findings" ] || findings="exit status $status, see $log"
    fi
    printf '%-10s %8s %12s %10s %8s %8s %6s  %s\n' "$t" "$seconds" "${runs:-?}" "${rate:-?}" \
        "${cov:-?}" "${ft:-?}" "${corp:-?}" "${findings:-none}"
done
echo "wall time $(( $(date +%s) - start )) s; logs and findings in $OUT"
exit $found
