# 0947-serve-stop.t — SIGTERM stops `glossa serve` (--http and --dict)
# within 10 s whatever its clients do: 120 connections from one address
# trickling a request, or reading their answers never (a tiny receive
# window), or abandoning their requests half sent (dead connections), with
# --max-per-ip 1000 so that they hold every slot. The attack is
# tests/cli/serve_attack.py; it sends SIGTERM 2 s after it began, says when,
# and goes on until the port refuses; the server must have exited 0 within
# 10 s of the signal.
need_python3
index_bundled

stop_under() { # stop_under PROTO KIND
    start_server "--$1" --max-per-ip 1000
    run serve_clients_attack "$1" "$PORT" "$2" 120 0 "$SERVER"
    wait_server
    local done_at sent_at took
    done_at=$(date +%s.%N)
    expect_rc 0 "$1 $2: the server's exit status"
    sent_at=$(sed -n 's/^SIGTERM at //p' <<<"$OUT")
    took=$(awk -v a="$sent_at" -v b="$done_at" 'BEGIN { printf "%d", (b - a) * 10 }')
    expect_true "$1 $2: stopped $((took / 10)).$((took % 10)) s after SIGTERM (at most 10)" \
        test -n "$sent_at" -a "$took" -le 100
    expect_out "stopped accepting after SIGTERM" "$1 $2:"
    echo "$1 $2: $((took / 10)).$((took % 10)) s"
}
for proto in http dict; do
    for kind in trickle slowread abandon; do
        stop_under "$proto" "$kind"
    done
done
finish
