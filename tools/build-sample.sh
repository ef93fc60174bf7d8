#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# build-sample.sh JMON NAME DB: build the database DB of the sample monitor
# sample-data/NAME by importing its CSV files in file-name order (regions
# first: they are named so), with its own monitor.yaml when it has one.
# Rebuilt only when an input is newer than DB.
set -eu
jmon=$1 name=$2 db=$3
dir=sample-data/$name
if [ ! -d "$dir" ]; then
	echo "build-sample: no sample monitor '$name' (see sample-data/)" >&2
	exit 66
fi
config=
[ -f "$dir/monitor.yaml" ] && config="--config $dir/monitor.yaml"
files=$(find "$dir" -maxdepth 1 -name '*.csv' | LC_ALL=C sort)
if [ -z "$files" ]; then
	echo "build-sample: $dir holds no CSV files" >&2
	exit 66
fi
if [ -f "$db" ] && [ -z "$(find "$dir" config "$jmon" -newer "$db" -type f 2>/dev/null | head -1)" ]; then
	exit 0
fi
mkdir -p "$(dirname "$db")"
rm -f "$db" "$db-wal" "$db-shm"
echo "  SAMPLE  $db"
for f in $files; do
	# shellcheck disable=SC2086
	"$jmon" import --db "$db" $config "$f" >/dev/null || {
		status=$?
		rm -f "$db" "$db-wal" "$db-shm"
		exit $status
	}
done
