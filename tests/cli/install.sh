# SPDX-License-Identifier: EUPL-1.2
# make install / uninstall honour PREFIX and DESTDIR.
. "$TOP/tests/lib.sh"

run make -s -C "$TOP" install PREFIX=/opt/jmon DESTDIR="$T/root"
assert_status 0 "make install with PREFIX and DESTDIR"
for f in bin/jmon share/man/man1/jmon.1 share/man/man5/jmon.yaml.5 share/man/man5/jmon-import.5; do
	if [ -f "$T/root/opt/jmon/$f" ]; then ok "installed $f"; else not_ok "installed $f"; fi
done
# every page of man/, by its section, with the version filled in
for m in "$TOP"/man/*.[1-8]; do
	n=$(basename "$m")
	i="$T/root/opt/jmon/share/man/man${n##*.}/$n"
	if grep -q "^\.TH .*\"jmon $(cat "$TOP/VERSION")\"" "$i" 2>/dev/null; then
		ok "installed $n with the version"
	else not_ok "installed $n with the version"; fi
done
run "$T/root/opt/jmon/bin/jmon" --version
assert_status 0 "the installed program runs"
run make -s -C "$TOP" uninstall PREFIX=/opt/jmon DESTDIR="$T/root"
assert_status 0 "make uninstall"
left=$(find "$T/root" -type f | wc -l)
if [ "$left" -eq 0 ]; then ok "uninstall removes every installed file"; else
	not_ok "uninstall removes every installed file: $left left"; fi
