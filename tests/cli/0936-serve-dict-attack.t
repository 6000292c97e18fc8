# 0936-serve-dict-attack.t — `glossa serve --dict` under attack from
# 127.0.0.1 while a normal client on 127.0.0.2 connects every 0.1 s and asks
# DEFINE then QUIT, given 1 s (tests/cli/serve_attack.py): 120 connections
# trickling a command line a byte at a time (each byte resets no clock: the
# line must be whole --request-timeout after its first byte), 120 slow
# readers (a tiny receive window, 200 DEFINE * pipelined, never read), 120
# connections at a time abandoned mid-line, and 60 trickling beside 60 slow
# readers at once; at least 90% of the normal
# client's questions are answered within 1 s during the attack, and all of
# them at once after it, from the attacking address too. With --max-per-ip
# above --max-clients one address could take every slot: a connection from
# another address takes the slot of the biggest holder's oldest (told 420).
# A reader taking its answers a trickle at a time meets --send-timeout.
need_python3
index_bundled

start_server --dict --request-timeout 2
attack_survived dict trickle
attack_survived dict slowread
attack_survived dict abandon
attack_survived dict trickle+slowread   # 60 trickling and 60 slow readers at once
stop_server
expect_rc 0 "SIGTERM"

# --- one address may hold every slot (--max-per-ip 1000): the others still get theirs
start_server --dict --request-timeout 2 --max-clients 32 --max-per-ip 1000
attack_survived dict trickle
attack_survived dict abandon
stop_server
expect_rc 0 "SIGTERM"

# --- a client that takes its answers 200 bytes at a time (each read resets
# the idle clock) is closed --send-timeout after they began to wait (then
# what the kernel still holds for it drains at its pace)
start_server --dict --send-timeout 2
run serve_clients dict-slow-reader "$PORT" 8
expect_true "a slow reader closed after --send-timeout 2: $OUT" grep -qE '^closed after [2-6] s$' <<<"$OUT"
stop_server
expect_rc 0 "SIGTERM"
finish
