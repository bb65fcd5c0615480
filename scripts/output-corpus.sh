#!/usr/bin/env bash
# Runs the built CLI over the bundled example, a generated stop and broken inputs, in English and Italian,
# and keeps every output (stdout, stderr, exit code, files written) under one folder, so two builds can be
# compared byte for byte: `bash scripts/output-corpus.sh /tmp/before`, change, build, `... /tmp/after`,
# `diff -r /tmp/before /tmp/after`. Elapsed times and progress lines are left out; everything else is kept as printed.
set -u
OUT=$(realpath -m "${1:?usage: output-corpus.sh <folder>}")
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN="$ROOT/packages/cli/dist/bin.js"
rm -rf "$OUT" && mkdir -p "$OUT"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
export LANG=en_GB.UTF-8 ROADSHOW_USER=corpus TZ=Europe/Rome NO_COLOR=1 CI=1
cp -r "$ROOT/examples/lombardia-2026" ex
# A generated stop and a folder of broken inputs.
node --conditions=@roadshow/source --import tsx/esm -e '
import { generateInstance } from "'"$ROOT"'/oracle/generate.ts";
import { writeInstance } from "'"$ROOT"'/oracle/write-csv.ts";
writeInstance("gen", generateInstance("S", 7));' 2>/dev/null || (cd "$ROOT" && node --conditions=@roadshow/source --import tsx -e '
import { generateInstance } from "./oracle/generate.ts";
import { writeInstance } from "./oracle/write-csv.ts";
writeInstance("'"$WORK"'/gen", generateInstance("S", 7));')
GENSTOP=$(sed -n 2p gen/stops.csv | cut -d, -f1)
cp -r ex bad
rm -rf bad/day-of
sed -i '2s/,14:00,18:00,20,/,9.30,18:00,20,/; 3s/,Europe\/Rome$/,Europe\/Roma/; 4s/2026-05-14/14\/05\/2026/' bad/stops.csv
sed -i '2s/US|DE/USX|Germany/; 3s/,,1$/,2.5,1/; 4s/,1$/,x/' bad/firms.csv
sed -i '1s/tables/tavoli/' bad/delegations.csv
printf 'firm_id,country,kind\nF0001,US,must\nF0001,US,must\nF9999,DE,avoid\nF0002,ZZ,maybe\n' > bad/requests.csv
printf 'firm_id,delegation_id,score\nF0001,US-CG,1,5\nF0001,US-CG,2\n' > bad/scores.csv
mkdir -p ws && cp ex/*.csv ws/

n=0
run() { # run <name> <args...>: the CLI's stdout, stderr and exit code under <name>
  local name=$1; shift
  node "$BIN" "$@" >"$OUT/$name.stdout" 2>"$OUT/$name.stderr"
  echo $? >"$OUT/$name.rc"
  # Progress lines are throttled by the clock: which ones print varies from run to run (their words are unit-tested).
  sed -i -E '/^\[[^]]* s\] /d; s/^(Time|Tempo): .*/\1: X/; s/[0-9]+ ms\b/X ms/g; s#'"$WORK"'#WORK#g' "$OUT/$name.stdout" "$OUT/$name.stderr"
}
CMDS="schedule replan change season score explain validate export mail send status diff refill outcomes report followup studio"
for L in en it; do
  run "$L-help" --lang $L --help
  for c in $CMDS; do run "$L-help-$c" --lang $L $c --help; done
  run "$L-schedule" --lang $L schedule ex --stop BS-2026-02 --out o/$L/schedule
  run "$L-schedule-exists" --lang $L schedule ex --stop BS-2026-02 --out o/$L/schedule
  run "$L-schedule-excel" --lang $L schedule ex --stop BS-2026-02 --out o/$L/excel --excel --organizer "Ufficio <org@example.com>"
  run "$L-schedule-gen" --lang $L schedule gen --stop "$GENSTOP" --out o/$L/gen
  run "$L-schedule-gen-nobalance" --lang $L schedule gen --stop "$GENSTOP" --out o/$L/gen-nb --no-balance --min-meetings 2
  run "$L-score" --lang $L score ex --stop BS-2026-02
  run "$L-explain" --lang $L explain ex --stop BS-2026-02 --firm F0002
  run "$L-validate" --lang $L validate ex
  run "$L-validate-agenda" --lang $L validate ex --stop BS-2026-02 --agenda o/$L/schedule/agenda.csv
  run "$L-validate-bad" --lang $L validate bad
  run "$L-validate-bad-json" --lang $L --format json validate bad
  run "$L-schedule-bad" --lang $L schedule bad --stop BS-2026-02 --out o/$L/bad
  run "$L-validate-missing" --lang $L validate nowhere
  run "$L-export" --lang $L export o/$L/schedule/agenda.csv ex --stop BS-2026-02 --out o/$L/export
  run "$L-replan" --lang $L replan ex --stop BS-2026-02 --previous o/$L/schedule/agenda.csv --changes ex/day-of/changes.csv --out o/$L/replan
  run "$L-mail-dry" --lang $L mail ex --stop BS-2026-02 --agenda o/$L/schedule/agenda.csv --organizer "Ufficio <org@example.com>" --out o/$L/mail --dry-run
  run "$L-mail" --lang $L mail ex --stop BS-2026-02 --agenda o/$L/replan/agenda.csv --previous o/$L/schedule/agenda.csv --organizer "Ufficio <org@example.com>" --out o/$L/mail
  run "$L-err-unknown-option" --lang $L schedule ex --stop BS-2026-02 --bogus
  run "$L-err-unknown-command" --lang $L schedul ex
  run "$L-err-missing-stop" --lang $L schedule ex --out o/$L/x
  run "$L-err-missing-arg" --lang $L schedule
  run "$L-err-min-meetings" --lang $L schedule ex --stop BS-2026-02 --min-meetings -1 --out o/$L/x
  run "$L-err-time-limit" --lang $L schedule ex --stop BS-2026-02 --time-limit abc --out o/$L/x
  run "$L-err-organizer" --lang $L schedule ex --stop BS-2026-02 --organizer nobody --out o/$L/x
  run "$L-err-smtp" --lang $L mail ex --stop BS-2026-02 --agenda o/$L/schedule/agenda.csv --organizer "U <u@example.com>" --out o/$L/m2 --smtp "smtp://us@r:p@ss@host"
  run "$L-err-too-many" --lang $L validate ex extra
  run "$L-err-unknown-stop" --lang $L schedule ex --stop XX-1 --out o/$L/x
  run "$L-err-out-file" --lang $L schedule ex --stop BS-2026-02 --out ex/stops.csv
  # The workspace: plan into it, enter changes, refill, outcomes, report, follow-up.
  rm -rf ws/workspace
  run "$L-ws-schedule" --lang $L schedule ws --stop BS-2026-02
  run "$L-ws-change-absent" --lang $L change ws absent F0006 --stop BS-2026-02 --by corpus
  run "$L-ws-change-bad" --lang $L change ws arrives F0002 25:00 --stop BS-2026-02 --by corpus
  run "$L-ws-change-noshow" --lang $L change ws noshow F0013 2 --stop BS-2026-02 --by corpus
  run "$L-ws-refill" --lang $L refill ws --stop BS-2026-02 --slot 2
  run "$L-ws-diff" --lang $L diff ws --stop BS-2026-02
  run "$L-ws-outcomes" --lang $L outcomes ws --stop BS-2026-02 --force
  run "$L-ws-report" --lang $L report ws --stop BS-2026-02 --out o/$L/report
  run "$L-ws-followup" --lang $L followup ws --stop BS-2026-02 --out o/$L/followup --organizer "Ufficio <org@example.com>"
  run "$L-ws-send-dry" --lang $L send ws --stop BS-2026-02 --organizer "Ufficio <org@example.com>" --dry-run
  cp ws/outcomes.csv o/$L/ws-outcomes.csv 2>/dev/null
done
# Files written: mask the per-run bits of mail (Date, Message-ID, boundaries) and the log's clock.
mkdir -p "$OUT/files" && cp -r o/* "$OUT/files/"
find "$OUT/files" -type f \( -name '*.eml' -o -name '*.csv' -o -name '*.ics' -o -name '*.html' -o -name '*.txt' -o -name '*.json' \) -exec sed -i -E \
  's/^(Date|Message-ID|Content-ID): .*/\1: X/; s/(boundary=")[^"]*/\1X/; s/^--[-_=A-Za-z0-9]{20,}/--X/; s/^DTSTAMP:.*/DTSTAMP:X/' {} +
find "$OUT/files" -type f -name '*.xlsx' -delete
echo "corpus: $(ls "$OUT" | wc -l) runs, $(find "$OUT/files" -type f | wc -l) files in $OUT"
