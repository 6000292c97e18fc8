# 0946-serve-http-attack.t — `glossa serve --http` under attack from
# 127.0.0.1 while a normal client on 127.0.0.2 asks every 0.1 s, each
# question a new connection given 1 s (tests/cli/serve_attack.py): 120
# connections trickling a header a byte at a time (slowloris, each reopened
# when closed), 120 slow readers (a tiny receive window, a 200 KB answer,
# never read), 120 connections at a time abandoned mid-request, and 60
# trickling beside 60 slow readers at once; at least 90%
# of the normal client's questions are answered within 1 s during the attack,
# and all of them at once after it, from the attacking address too (nothing
# it held is kept: no CLOSE-WAIT until a timeout). With --max-per-ip above
# --max-clients one address could take every slot: a connection from another
# address takes the slot of the biggest holder's oldest (its fair share).
need_python3
index_bundled

start_server --http --request-timeout 2
attack_survived http trickle
attack_survived http slowread
attack_survived http abandon
attack_survived http trickle+slowread   # 60 trickling and 60 slow readers at once
stop_server
expect_rc 0 "SIGTERM"

# --- one address may hold every slot (--max-per-ip 1000): the others still get theirs
start_server --http --request-timeout 2 --max-clients 32 --max-per-ip 1000
attack_survived http trickle
attack_survived http abandon
stop_server
expect_rc 0 "SIGTERM"
finish
