# SPDX-License-Identifier: EUPL-1.2
# The Debian package, as a packager and an administrator meet it (make
# deb-check, not part of make check: it builds the whole program once
# more): dpkg-buildpackage -us -uc -b builds a .deb from a copy of the
# tree, lintian finds no error in it, and the package unpacked in a scratch
# root runs jmon --version, shows man jmon and every other man page, and
# keeps /etc/jmon/jmon.yaml as a conffile.
. "$TOP/tests/lib.sh"

for tool in dpkg-buildpackage dh lintian man; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		ok "the Debian package # SKIP no $tool (tools/deps.sh deb installs debhelper, lintian, man-db)"
		exit 0
	fi
done

v=$(cat "$TOP/VERSION")
src="$T/jmon-$v"
mkdir -p "$src"
(cd "$TOP" && tar -cf - --exclude=./build --exclude=./tests/out --exclude=./jmon --exclude=./.git .) |
	(cd "$src" && tar -xf -)
(cd "$src" && dpkg-buildpackage -us -uc -b) >"$T/build.log" 2>&1
status=$?
assert_status 0 "dpkg-buildpackage -us -uc -b builds the package"
[ "$status" -eq 0 ] || { tail -20 "$T/build.log" | sed 's/^/#   /'; exit 0; }
deb="$T/jmon_${v}_$(dpkg --print-architecture).deb"
if [ -f "$deb" ]; then ok "it is $(basename "$deb")"; else not_ok "$(basename "$deb") was built"; exit 0; fi
# -Werror alone (dpkg-buildflags' own -Werror=format-security is one warning, chosen)
grep -qE -- '-Werror( |$)' "$T/build.log" && not_ok "the package build has no -Werror" ||
	ok "the package build has no -Werror"
grep -q -- '-D_FORTIFY_SOURCE=2' "$T/build.log" && ok "dpkg-buildflags' hardening reaches the compiler" ||
	not_ok "dpkg-buildflags' hardening reaches the compiler"

lintian --info -I --pedantic "$T"/jmon_"${v}"_*.changes >"$T/lintian.log" 2>&1
grep '^[EW]:' "$T/lintian.log" >"$T/lintian.problems"
assert_file "$T/lintian.problems" "lintian finds no error and no warning" </dev/null
echo "# lintian: $(grep -c '^E:' "$T/lintian.log") errors, $(grep -c '^W:' "$T/lintian.log") warnings, $(grep -c '^I:' "$T/lintian.log") info, $(grep -c '^P:' "$T/lintian.log") pedantic"

assert_eq "$(dpkg-deb -f "$deb" Version)" "$v" "the package's version is VERSION"
dpkg-deb -e "$deb" "$T/control"
assert_grep "/etc/jmon/jmon.yaml" "$T/control/conffiles" "/etc/jmon/jmon.yaml is a conffile"

root="$T/root"
dpkg -x "$deb" "$root"
run "$root/usr/bin/jmon" --version
assert_eq "$(cat "$T/stdout")" "jmon $v" "the packaged jmon --version"
run "$root/usr/bin/jmon" --help
assert_grep "/etc/jmon/jmon.yaml" "$T/stdout" "it looks for /etc/jmon/jmon.yaml"
run "$root/usr/bin/jmon" check-config "$root/etc/jmon/jmon.yaml"
assert_status 0 "the packaged /etc/jmon/jmon.yaml is a valid monitor"
MANWIDTH=80 man -P cat -M "$root/usr/share/man" jmon >"$T/man.txt" 2>"$T/man.err"
assert_grep "jmon - terminal browser for the municipal youth-care monitor" "$T/man.txt" "man jmon shows the page"
assert_grep "jmon $v" "$T/man.txt" "man jmon names the version"
for m in "$TOP"/man/*.[1-8]; do
	n=$(basename "$m")
	if [ -f "$root/usr/share/man/man${n##*.}/$n.gz" ]; then ok "the package has $n"; else
		not_ok "the package has $n"; fi
done
