# SPDX-License-Identifier: EUPL-1.2
# The licence: LICENSE holds the EUPL-1.2, every file that can carry a
# comment names its licence with an SPDX line in its first lines, and every
# file that cannot (data) is covered by REUSE.toml.  A packager or a
# municipality's lawyer reads exactly these.
. "$TOP/tests/lib.sh"

assert_eq "$(head -1 "$TOP/LICENSE")" "EUROPEAN UNION PUBLIC LICENCE v. 1.2" "LICENSE is the EUPL v. 1.2"
assert_grep "All other changes or additions to this Appendix require the production of a new EUPL version." \
	"$TOP/LICENSE" "LICENSE holds the whole text, to its last line"
assert_grep "EUPL-1.2" "$TOP/README.md" "README.md names the licence"

run python3 -B "$TOP/tools/spdx-check.py" "$TOP"
assert_status 0 "every file names its licence (an SPDX line or REUSE.toml)"
sed 's/^/#   /' "$T/stdout" | head -20
