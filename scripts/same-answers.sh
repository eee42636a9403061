#!/bin/bash
# same-answers.sh: check that a changed writer stores what the old one did,
# as every query sees it.
#
#   scripts/same-answers.sh OLD_BIN NEW_BIN [ORIGINALS] [COPIES]
#
# Builds a corpus of the first ORIGINALS articles (default 300) of the
# polnear-train bench corpus and COPIES-1 wire copies of each (default 3
# in all; copy k ends with "(Republished by outlet k.)", as
# BenchmarkIngestPolnear makes them), ingests it with each binary
# (--workers 1 --batch 100), then asks both databases the same questions:
# events, quotes, claims, entities and search as JSON for a list of
# queries, and the API's map, places, timeline, network, speakers and
# facets answers. Then a second delivery of copies goes into a copy of
# OLD_BIN's database, once by OLD_BIN and once by NEW_BIN: a database
# holding rows of both writers must answer as one OLD_BIN wrote alone.
# Last, NEW_BIN answers over a copy of OLD_BIN's database (opening it runs
# any new migration), which must answer as OLD_BIN does over the original.
# KEEP=1 keeps the databases and the answers for a look.
# Prints the differing files and exits 1 on any difference.
set -u
old=$1 new=$2 n=${3:-300} copies=${4:-3}
src=${CORPUS:-$(cd "$(dirname "$0")/../.." && pwd)/shared/corpus/bench/polnear-train}
dir=$(mktemp -d /tmp/same-answers.XXXXXX)
trap '[ -n "${KEEP:-}" ] && echo "kept $dir" || rm -rf "$dir"' EXIT

mkdir -p "$dir/in" "$dir/more"
ls "$src" | sort | head -n "$n" > "$dir/names"
k=0
while [ "$k" -lt "$copies" ]; do
	while read -r f; do
		if [ "$k" = 0 ]; then
			cp "$src/$f" "$dir/in/k0-$f"
		else
			{ cat "$src/$f"; printf '\n\n(Republished by outlet %d.)\n' "$k"; } > "$dir/in/k$k-$f"
		fi
		# a later delivery: more copies, written to an existing database
		{ cat "$src/$f"; printf '\n\n(Republished by outlet %d.)\n' "$((k + 100))"; } > "$dir/more/m$k-$f"
	done < "$dir/names"
	k=$((k + 1))
done

ingest() { "$1" ingest --quiet --workers 1 --batch 100 --db "$2" "$3" || exit 2; }
ingest "$old" "$dir/old.db" "$dir/in"
ingest "$new" "$dir/new.db" "$dir/in"
cp "$dir/old.db" "$dir/mixed-old.db"
ingest "$old" "$dir/mixed-old.db" "$dir/more"
cp "$dir/old.db" "$dir/mixed-new.db"
ingest "$new" "$dir/mixed-new.db" "$dir/more"
cp "$dir/old.db" "$dir/migrated.db"

queries=("" "actor:USA" "plover:CONSULT" "cameo:04" "from:2016-01-01 to:2016-06-30" "president" "place:Washington"
	"president actor:USA" "type:quote" "counted:killed" "actor:RUS OR place:Moscow" "-cameo:04 from:2016-02")

# ask BIN DB OUT: the answers of BIN over DB, one file each, in OUT.
ask() {
	local bin=$1 db=$2 out=$3 i=0 q c ep
	mkdir -p "$out"
	for q in "${queries[@]}"; do
		i=$((i + 1))
		for c in events quotes claims entities search; do
			"$bin" "$c" --db "$db" --format json --limit 0 $q > "$out/$c-$i.json" 2>&1
		done
	done
	local port=$((21000 + RANDOM % 20000))
	"$bin" serve --db "$db" --addr "127.0.0.1:$port" --rate -1 --cache-ttl -1s > /dev/null 2>&1 &
	local pid=$!
	for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" > /dev/null && break; sleep 0.2; done
	i=0
	for q in "${queries[@]}"; do
		i=$((i + 1))
		for ep in "map?layer=events" "map?layer=places" "places?layer=events" "places?layer=places" \
			"timeline?interval=day" "timeline?interval=month" "network?limit=100" "speakers" "facets"; do
			curl -s -G "http://127.0.0.1:$port/api/v1/$ep" --data-urlencode "q=$q" > "$out/api-${ep//[?=&]/_}-$i.json"
		done
	done
	kill "$pid"
	wait "$pid" 2>/dev/null
}

ask "$old" "$dir/old.db" "$dir/a-old"
ask "$new" "$dir/new.db" "$dir/a-new"
ask "$old" "$dir/mixed-old.db" "$dir/a-mixed-old"
ask "$new" "$dir/mixed-new.db" "$dir/a-mixed-new"
ask "$new" "$dir/migrated.db" "$dir/a-migrated"

status=0
echo "same-answers: $(ls "$dir/in" | wc -l) articles, then $(ls "$dir/more" | wc -l) more; $(ls "$dir/a-old" | wc -l) answers a database," \
	"$(find "$dir/a-old" -size -40c | wc -l) of them under 40 bytes"
for pair in "a-old a-new" "a-mixed-old a-mixed-new" "a-old a-migrated"; do
	set -- $pair
	if diff -r -q "$dir/$1" "$dir/$2"; then
		echo "same-answers: $2 = $1"
	else
		echo "same-answers: $2 differs from $1"
		status=1
	fi
done
exit $status
