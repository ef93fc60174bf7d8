# SPDX-License-Identifier: EUPL-1.2
# The fuzz corpora replayed under the sanitizer build: every input each
# libFuzzer target of tests/fuzz has (the seeds, and every crash it found,
# now fixed) runs through the same target with tests/fuzz/replay.c as its
# main (built by make check next to $JMON), without a sanitizer report.
. "$TOP/tests/lib.sh"

bin=$(dirname "$JMON")/fuzz
for src in "$TOP"/tests/fuzz/fuzz_*.c; do
	t=$(basename "$src" .c)
	t=${t#fuzz_}
	corpus="$TOP/tests/fuzz/corpus/$t"
	if [ ! -x "$bin/$t" ]; then
		not_ok "$t: the replay $bin/$t was built (make check builds it)"
		continue
	fi
	n=$(ls "$corpus" 2>/dev/null | wc -l)
	if [ "$n" -eq 0 ]; then not_ok "$t: has a seed corpus in tests/fuzz/corpus/$t"; continue; fi
	run "$bin/$t" "$corpus"
	assert_status 0 "$t: the $n inputs of its corpus run"
	assert_eq "$(cat "$T/stdout")" "$n inputs" "$t: every input of the corpus was run"
	assert_no_grep "runtime error" "$T/stderr" "$t: no undefined behaviour"
	assert_no_grep "ERROR: AddressSanitizer" "$T/stderr" "$t: no memory error"
done
