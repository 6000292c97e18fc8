# 0960-service.t — glossa run as export/service/ says: the systemd units
# pass `systemd-analyze verify` (skipped with a message where systemd-analyze
# is absent); nginx (Debian's package, unprivileged, on loopback) with the
# example configuration in front of two `glossa serve --http` processes on
# one index, under load from concurrent clients (tests/cli/service_load.py)
# while a new index is published six times (indexed aside and renamed over
# the served file, or published by `glossa index --db` itself): no request
# fails (every answer 200, whole JSON or HTML, gzip where asked), both
# processes answer, an answer never comes from an index older than the last
# one published before its request, and after the last publish every process
# answers from it. Skipped where nginx is not installed.
SVC="$SRC/export/service"

# --- the systemd units: the template, the DICT unit and their sandbox drop-in
if command -v systemd-analyze >/dev/null 2>&1; then
    units="$WORK/units"
    mkdir -p "$units"
    cp -r "$SVC/glossa-http@.service" "$SVC/glossa-dict.service" "$SVC/glossa-.service.d" "$units/"
    # the binary under test instead of the installed one
    sed -i "s|/usr/local/bin/glossa|$GLOSSA|" "$units/glossa-http@.service" "$units/glossa-dict.service"
    run env SYSTEMD_UNIT_PATH="$units:" systemd-analyze verify --man=no \
        glossa-http@8081.service glossa-dict.service
    expect_rc 0 "systemd-analyze verify of the units"
    if [ -n "$OUT$ERR" ]; then fail "systemd-analyze verify says something"; else ok; fi
    if systemd-analyze security --help 2>/dev/null | grep -q -- '--offline'; then
        run env SYSTEMD_UNIT_PATH="$units:" systemd-analyze security --offline=true glossa-http@8081.service
        expect_out "DynamicUser=" "the sandbox drop-in applies to the template"
        # the exposure the drop-in's comment states (0.9 SAFE for glossa-http@, systemd 252)
        score=$(sed -n 's/.*Overall exposure level for glossa-http@8081.service: \([0-9.]*\) .*/\1/p' <<<"$OUT")
        expect_true "exposure $score is at most 1.5" awk -v s="$score" 'BEGIN { exit !(s != "" && s <= 1.5) }'
    fi
else
    echo "skip: systemd-analyze is not installed (Debian package systemd): the units are not verified"
fi

if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
    echo "SKIP: nginx is not installed (Debian package nginx, see .ci/install-deps)"
    exit 77
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
need_python3

# --- two servers on one index (A: the glossary; B: with one more TEI file)
SERVED="$WORK/srv/glossa.db"
mkdir -p "$WORK/srv"
A=("$SRC/glossary")
B=("$SRC/glossary" "$SRC/tests/data/web/hostile.xml")
"$GLOSSA" index --quiet --db "$SERVED" "${A[@]}" || { echo "FAIL: cannot index"; exit 1; }

PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done; wait; rm -rf "$WORK"' EXIT
# serve N: glossa serve --http on a free port; its port in PORT_N
serve() {
    "$GLOSSA" serve --http --db "$SERVED" --listen 127.0.0.1:0 --max-per-ip 256 --max-clients 256 \
        2>"$WORK/serve$1.err" &
    PIDS+=($!)
    local port= _
    for _ in $(seq 300); do
        port=$(sed -n 's/^listening on 127\.0\.0\.1:\([0-9][0-9]*\) .*/\1/p' "$WORK/serve$1.err")
        [ -n "$port" ] && break
        sleep 0.1
    done
    [ -n "$port" ] || { echo "FAIL: server $1 did not start: $(cat "$WORK/serve$1.err")"; exit 1; }
    printf -v "PORT_$1" '%s' "$port"
}
serve 1
serve 2

# --- nginx with the example configuration: ports, paths and the rate limit
# of the example replaced (every client here is 127.0.0.1, so the limit of
# 20 requests a second per address would answer this load with 429)
NGX="$WORK/nginx"
mkdir -p "$NGX/logs" "$NGX/tmp"
NPORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
sed -e "s|127.0.0.1:8081|127.0.0.1:$PORT_1|" -e "s|127.0.0.1:8082|127.0.0.1:$PORT_2|" \
    -e "s|^    listen 80;|    listen 127.0.0.1:$NPORT;|" -e '/listen \[::\]:80;/d' \
    -e "s|/var/log/nginx/glossa.access.log|$NGX/logs/access.log|" \
    -e "s|/etc/nginx/snippets/glossa-proxy.conf|$SVC/glossa-proxy.conf|" \
    -e "s|rate=20r/s|rate=100000r/s|" "$SVC/nginx-glossa.conf" >"$NGX/glossa.conf"
user=""
[ "$(id -u)" -ne 0 ] || user="user $(id -un) $(id -gn);"   # as root, workers would become nobody
cat >"$NGX/nginx.conf" <<EOF
$user
worker_processes 2;
daemon off;
pid $NGX/nginx.pid;
error_log $NGX/logs/error.log warn;
events { worker_connections 512; }
http {
    default_type application/octet-stream;
    client_body_temp_path $NGX/tmp/body;
    proxy_temp_path $NGX/tmp/proxy;
    fastcgi_temp_path $NGX/tmp/fastcgi;
    uwsgi_temp_path $NGX/tmp/uwsgi;
    scgi_temp_path $NGX/tmp/scgi;
    include $NGX/glossa.conf;
}
EOF
run "$NGINX" -t -p "$NGX" -c "$NGX/nginx.conf" -e "$NGX/logs/error.log"
expect_rc 0 "nginx -t accepts the example configuration"
"$NGINX" -p "$NGX" -c "$NGX/nginx.conf" -e "$NGX/logs/error.log" &
PIDS+=($!)
BASE="http://127.0.0.1:$NPORT"
up=
for _ in $(seq 300); do
    curl -s -o /dev/null --max-time 5 "$BASE/c/information-security" && { up=1; break; }
    sleep 0.1
done
[ -n "$up" ] || { echo "FAIL: nginx did not start: $(cat "$NGX/logs/error.log")"; exit 1; }

# --- load while the index is published six times
run timeout 120 python3 "$SRC/tests/cli/service_load.py" --base "$BASE" \
    --direct "http://127.0.0.1:$PORT_1" --direct "http://127.0.0.1:$PORT_2" \
    --glossa "$GLOSSA" --db "$SERVED" --a "${A[@]}" --b "${B[@]}" \
    --threads 8 --min-requests 40 --publishes 6
expect_rc 0 "the load ran"
echo "load: $OUT"
expect_json '.failures' 0 "no failed request: $(jq -c .failed <<<"$OUT")"
expect_json '.requests >= 320' true "at least 8 x 40 requests"
expect_json '.publishes' 6 "six publishes"
expect_json '(.versions.A // 0) > 0 and (.versions.B // 0) > 0' true "both indexes answered during the load"
expect_json '.checked > 0' true "answers between publishes checked"
expect_json '.stale' 0 "no answer from an index older than the one published: $(jq -c .stale_examples <<<"$OUT")"
expect_json '.gzip > 0' true "nginx compressed pages for clients that accept gzip"
expect_json '.last' B "the last publish is B"
expect_json "[.final[]] | unique | join(\",\")" B "after the last publish every server answers from it"
expect_json '.final | length' 3 "both servers and nginx asked"

# which servers answered through nginx (its access log names the upstream)
log="$NGX/logs/access.log"
n1=$(grep -c "upstream=127.0.0.1:$PORT_1 " "$log")
n2=$(grep -c "upstream=127.0.0.1:$PORT_2 " "$log")
echo "answered through nginx: server 1 $n1, server 2 $n2"
expect_true "server 1 answered through nginx ($n1)" test "$n1" -gt 0
expect_true "server 2 answered through nginx ($n2)" test "$n2" -gt 0
expect_true "no answer but 200 in nginx's log" test "$(grep -vc '" 200 ' "$log")" -eq 0

# --- the example's rate limit: 20 a second, bursts of 40, then 429. One curl
# sends 120 requests on one connection (fast even on a loaded machine); it is
# tried again until the reloaded workers answer.
sed -i "s|rate=100000r/s|rate=20r/s|" "$NGX/glossa.conf"
kill -HUP "${PIDS[-1]}"
urls=()
for _ in $(seq 120); do urls+=(-o /dev/null "$BASE/api/lookup?q=x"); done
codes=
for _ in $(seq 50); do
    codes=$(curl -s --max-time 60 -w '%{http_code}\n' "${urls[@]}" 2>/dev/null | sort | uniq -c | tr -s ' ' | tr '\n' ' ')
    [[ "$codes" == *429* ]] && break
    sleep 0.2
done
echo "120 requests at once over the rate limit: $codes"
expect_true "the API over the rate limit answers 429 ($codes)" grep -q 429 <<<"$codes"
expect_true "the burst is answered ($codes)" grep -q 200 <<<"$codes"
finish
