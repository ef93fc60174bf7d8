# SPDX-License-Identifier: EUPL-1.2
# The Makefile as a packager uses it: CPPFLAGS and PKG_CONFIG are honoured,
# SYSCONFDIR gives the system-wide configuration's path, -Werror can be
# switched off (and `make check` keeps it), any single object builds from a
# clean tree even under -j.  In a copy of the source tree, so the tree under
# test keeps its build.
. "$TOP/tests/lib.sh"

src="$T/src"
mkdir -p "$src"
(cd "$TOP" && tar -cf - --exclude=./build --exclude=./tests/out --exclude=./jmon --exclude=./.git .) |
	(cd "$src" && tar -xf -)

# A generated source's object, alone, from a clean tree, with 8 jobs.
run make -s -C "$src" -j8 build/obj/default_config.o
assert_status 0 "make -j8 build/obj/default_config.o from a clean tree"
if [ -s "$src/build/obj/default_config.o" ]; then ok "build/obj/default_config.o is made"; else
	not_ok "build/obj/default_config.o is made"; fi

# SYSCONFDIR: the path is compiled in, and --help names the same one.
run make -s -C "$src" build/obj/config.o build/obj/main.o SYSCONFDIR=/srv/jmon-etc
assert_status 0 "config.o and main.o build with SYSCONFDIR=/srv/jmon-etc"
for o in config main; do
	if grep -qaF /srv/jmon-etc/jmon/jmon.yaml "$src/build/obj/$o.o"; then
		ok "$o.o holds SYSCONFDIR/jmon/jmon.yaml"
	else not_ok "$o.o holds SYSCONFDIR/jmon/jmon.yaml"; fi
done
if grep -qaF /etc/jmon/jmon.yaml "$src/build/obj/config.o"; then
	not_ok "config.o no longer holds /etc/jmon/jmon.yaml"
else ok "config.o no longer holds /etc/jmon/jmon.yaml"; fi

# The commands make would run (make -n -B: every one, nothing built).
dry() { run make -n -B -C "$src" "$@"; grep -E ' -c -o build/(obj|san)/period\.o ' "$T/stdout" >"$T/cc"; }

dry build/obj/period.o CPPFLAGS="-D_FORTIFY_SOURCE=2 -DJMON_PACKAGER_MARK"
assert_grep "-DJMON_PACKAGER_MARK" "$T/cc" "CPPFLAGS reaches the compiler"
assert_grep "-D_FORTIFY_SOURCE=2" "$T/cc" "hardening flags in CPPFLAGS reach the compiler"

dry build/obj/period.o
assert_grep "-Werror" "$T/cc" "a development build has -Werror"
dry build/obj/period.o WERROR=
assert_no_grep "-Werror" "$T/cc" "WERROR= builds without -Werror"
assert_grep "-Wall -Wextra" "$T/cc" "WERROR= keeps the warnings"
run make -n -B -C "$src" check WERROR=
grep -E ' -c -o build/san/period\.o ' "$T/stdout" >"$T/cc"
assert_grep "-Werror" "$T/cc" "make check builds with -Werror even with WERROR="

# PKG_CONFIG: the one the packager names is asked, never a hard-coded one.
cat >"$T/cross-pkg-config" <<EOS
#!/bin/sh
echo "\$*" >>"$T/pkg-config.log"
exec pkg-config "\$@"
EOS
chmod +x "$T/cross-pkg-config"
dry build/obj/period.o PKG_CONFIG="$T/cross-pkg-config"
assert_grep "--cflags ncursesw sqlite3 yaml-0.1 nettle" "$T/pkg-config.log" "PKG_CONFIG is asked for the flags"

# Man pages by wildcard: a new one is installed without naming it.
printf '.TH JMON-NIEUW 7 2026-01-01 "jmon" "Misc"\n.SH NAME\njmon-nieuw \\- a test page\n' >"$src/man/jmon-nieuw.7"
run make -s -C "$src" man
assert_status 0 "make man with a new man page"
if [ -f "$src/build/man/jmon-nieuw.7" ]; then ok "a new man page is built without naming it"; else
	not_ok "a new man page is built without naming it"; fi
run make -n -C "$src" uninstall DESTDIR="$T/root" PREFIX=/usr
assert_grep "$T/root/usr/share/man/man7/jmon-nieuw.7" "$T/stdout" "uninstall removes it from its section"
