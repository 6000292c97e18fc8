# 0010-harness.t — the checks every .t uses (run.sh) check what they say: a
# multi-line expectation must appear whole (it used to pass when any one of
# its lines appeared: grep -F takes each line as a pattern), and an empty
# expectation is a mistake, never a pass.
OUT=$'a line\nanother line\nthird line'
expect_true "one line is found" contains "$OUT" "another line"
expect_true "adjacent lines are found together" contains "$OUT" $'another line\nthird line'
expect_true "lines not adjacent are not" bash -c '! [[ "$1" == *"$2"* ]]' _ "$OUT" $'a line\nthird line'
contains "$OUT" $'a line\nnot there'
expect_true "one line of several is not enough (was a pass with grep -F)" test $? = 1
contains "$OUT" ""
expect_true "an empty expectation is refused (2)" test $? = 2
contains "" "x"
expect_true "nothing contains something" test $? = 1
finish
