#!/bin/bash
# compare-stores.sh: do two dateline binaries store and answer the same?
#
#   scripts/compare-stores.sh BASE_BIN BRANCH_BIN [ARTICLES] [COPIES]
#
# Replicates the first ARTICLES files (default 300) of the bench corpus
# COPIES times (default 3; copy k gets "(Republished by outlet k.)"
# appended, as BenchmarkIngestPolnear does), ingests them with each binary
# (--workers 1 --batch 100), and compares the JSON of events, quotes,
# claims, entities and search and the API's map, places, timeline and
# network answers for a set of queries. A third database, ingested by
# BASE_BIN and then opened by BRANCH_BIN (which migrates it), must answer
# the same too. Exits 1 on any difference.
set -u
base=$1 branch=$2 n=${3:-300} copies=${4:-3}
src=${CORPUS:-$(dirname "$0")/../../shared/corpus/bench/polnear-train}
work=$(mktemp -d /tmp/compare-stores.XXXXXX)
# KEEP=1 keeps the databases and answers for a look.
trap 'kill $(jobs -p) 2>/dev/null; [ -n "${KEEP:-}" ] && echo "kept $work" || rm -rf "$work"' EXIT

mkdir -p "$work/in"
ls "$src" | sort | head -n "$n" > "$work/names"
for k in $(seq 0 $((copies - 1))); do
	while read -r f; do
		if [ "$k" = 0 ]; then
			cp "$src/$f" "$work/in/c0-$f"
		else
			{ cat "$src/$f"; printf '\n\n(Republished by outlet %d.)\n' "$k"; } > "$work/in/c$k-$f"
		fi
	done < "$work/names"
done

"$base" ingest --quiet --workers 1 --batch 100 --db "$work/base.db" "$work/in" || exit 2
"$branch" ingest --quiet --workers 1 --batch 100 --db "$work/branch.db" "$work/in" || exit 2
cp "$work/base.db" "$work/migrated.db"

queries=("" "actor:USA" "plover:CONSULT" "cameo:04" "from:2016-01-01 to:2016-06-30" "president" "place:Washington"
	"actor:RUS" "polarity:negated" "from:2016-03 to:2016-05-31")

# answers BIN DB OUT: every answer of BIN over DB into the directory OUT.
answers() {
	local bin=$1 db=$2 out=$3 i=0
	mkdir -p "$out"
	for q in "${queries[@]}"; do
		i=$((i + 1))
		for c in events quotes claims entities search; do
			"$bin" "$c" --db "$db" --format json --limit 0 $q > "$out/$c-$i.json" 2>&1
		done
	done
	local port=$((20000 + RANDOM % 20000))
	"$bin" serve --db "$db" --addr "127.0.0.1:$port" --rate -1 --cache-ttl -1s > "$out/serve.log" 2>&1 &
	local pid=$!
	for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/healthz" > /dev/null && break; sleep 0.2; done
	i=0
	for q in "${queries[@]}"; do
		i=$((i + 1))
		for ep in "map?layer=events" "map?layer=places" "places?layer=events" "places?layer=places" "timeline?interval=day" "timeline?interval=month" "network?limit=200"; do
			curl -s -G "http://127.0.0.1:$port/api/v1/$ep" --data-urlencode "q=$q" > "$out/api-${ep//[?=&]/_}-$i.json"
		done
	done
	kill "$pid"
	wait "$pid" 2>/dev/null
	rm -f "$out/serve.log"
}

answers "$base" "$work/base.db" "$work/a-base"
answers "$branch" "$work/branch.db" "$work/a-branch"
answers "$branch" "$work/migrated.db" "$work/a-migrated"

status=0
files=$(ls "$work/a-base" | wc -l)
empty=$(find "$work/a-base" -name '*.json' -size -40c | wc -l)
echo "compare-stores: $files answers per database ($empty of them under 40 bytes), $(ls "$work/in" | wc -l) articles"
for other in a-branch a-migrated; do
	if diff -r -q "$work/a-base" "$work/$other"; then
		echo "compare-stores: $other: identical"
	else
		status=1
		echo "compare-stores: $other differs from the base"
	fi
done
exit $status
