#!/usr/bin/env bash
# Runs every `dateline eval` on the dev sets in ../shared and prints one JSON
# object per line (the figures docs/QUALITY.md reports). Tables go to stderr.
set -euo pipefail
cd "$(dirname "$0")/.."
S=../shared
[ -d "$S" ] || { echo "eval-all: $S not found; the dev sets live there" >&2; exit 2; }
# A binary of its own, so that two checkouts can run this at once.
d=$(mktemp -d)/dateline
trap 'rm -rf "$(dirname "$d")"' EXIT
go build -o "$d" ./cmd/dateline
$d eval tokenize --gold $S/data/ud-ewt/en_ewt-ud-dev.conllu
$d eval pos      --gold $S/data/ud-ewt/en_ewt-ud-dev.conllu
$d eval parse    --gold $S/data/ud-ewt/en_ewt-ud-dev.conllu
$d eval ner      --gold $S/data/conll2003/eng.testa
$d eval quotes   --gold $S/eval/quotes/polnear-dev
$d eval claims   --gold extract/testdata/claims-gold.jsonl
$d eval times    --gold extract/testdata/times-gold.jsonl
$d eval geo      --gold $S/eval/geo/GeoVirus.xml
$d eval events   --gold $S/eval/events/plover-gsr-dev.json
