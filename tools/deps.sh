#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# Make sure the build dependencies are installed.
#   tools/deps.sh run     what building and running jmon needs
#   tools/deps.sh check   that, plus what the tests need
#   tools/deps.sh deb     that, plus what make deb-check needs (debhelper, lintian)
#   tools/deps.sh bench   that, plus what make bench needs
#   tools/deps.sh fuzz    that, plus clang for make fuzz (libFuzzer)
# As root, missing Debian packages are installed with apt-get; otherwise the
# exact command is printed and the status is 1, so `make` stops there.
set -u
need="pkg-config libncurses-dev libsqlite3-dev libyaml-dev nettle-dev libunistring-dev libxlsxwriter-dev zlib1g-dev"
case "${1:-run}" in
check) need="$need libcmocka-dev tmux sqlite3 jq python3 python3-openpyxl" ;;
bench) need="$need sqlite3 time" ;;
deb) need="$need dpkg-dev debhelper fakeroot lintian man-db" ;;
fuzz) need="$need clang" ;;
esac

have() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'ok installed'; }

if ! command -v dpkg-query >/dev/null 2>&1; then
	# Not Debian: trust pkg-config, and say what we looked for if it fails.
	for lib in ncursesw sqlite3 yaml-0.1 nettle xlsxwriter zlib; do
		pkg-config --exists "$lib" 2>/dev/null && continue
		echo "jmon: missing library $lib (pkg-config); install its development package" >&2
		exit 1
	done
	# libunistring has no pkg-config file: ask the compiler for its header.
	if ! printf '#include <unicase.h>\n' | cc -E - >/dev/null 2>&1; then
		echo "jmon: missing library libunistring (unicase.h); install its development package" >&2
		exit 1
	fi
	exit 0
fi

missing=""
for p in $need; do have "$p" || missing="$missing $p"; done
command -v cc >/dev/null 2>&1 || missing="$missing gcc"
command -v make >/dev/null 2>&1 || missing="$missing make"
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
	echo "jmon: missing build dependencies. Install them with:" >&2
	echo "  sudo apt-get update && sudo apt-get install -y$missing" >&2
	exit 1
fi
echo "jmon: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2 && apt-get install -y -qq$missing >&2
