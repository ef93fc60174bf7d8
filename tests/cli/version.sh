# SPDX-License-Identifier: EUPL-1.2
# One version: VERSION is the only file that writes it; --version, the man
# pages as installed and debian/changelog say the same.
. "$TOP/tests/lib.sh"

v=$(cat "$TOP/VERSION")
case $v in
[0-9]*.[0-9]*.[0-9]*) ok "VERSION holds a version ($v)" ;;
*) not_ok "VERSION holds a version: '$v'" ;;
esac

run "$JMON" --version
assert_eq "$(cat "$T/stdout")" "jmon $v" "--version says VERSION"

run make -s -C "$TOP" man
assert_status 0 "make man"
for m in "$TOP"/man/*.[1-8]; do
	n=$(basename "$m")
	th=$(grep '^\.TH ' "$TOP/build/man/$n")
	case $th in
	*"\"jmon $v\""*) ok "the installed $n says jmon $v" ;;
	*) not_ok "the installed $n says jmon $v: $th" ;;
	esac
done

first=$(head -1 "$TOP/debian/changelog")
case $first in
"jmon ($v) "*) ok "debian/changelog's newest entry is $v" ;;
*) not_ok "debian/changelog's newest entry is $v: $first" ;;
esac

# Nothing else writes it: a second place would be forgotten at the next release.
others=$(grep -rlF --exclude-dir=.git --exclude-dir=build --exclude-dir=out \
	--exclude=VERSION --exclude=changelog -e "jmon $v" -e "\"$v\"" "$TOP" || true)
assert_eq "$others" "" "no other file writes the version $v"
