#!/usr/bin/env bash
# squawk (npm squawk-cli, a PostgreSQL migration linter) as an outside judge of the migrations
# generate writes for PostgreSQL in the online forms: the golden scenarios in
# core/src/test/resources/golden/online/postgresql/, which GoldenSqlTest keeps byte-identical to
# what the renderer writes. On demand only (docs/lint.md, "squawk on our generated migrations");
# not part of .ci/run, and squawk is never a project dependency: it is installed into a scratch
# folder that is removed again.
#
#   bash scripts/squawk-generated.sh            # needs node and npm, and the npm registry
#
# Each golden file holds a migration and, after the line "-- ==== follow-up migration", the
# follow-up that Flyway runs outside a transaction (executeInTransaction=false). They are split:
# the migration is checked with --assume-in-transaction (Flyway runs it in one), the follow-up
# without. create-all is the first migration (from an empty schema) and is reported but not
# counted. The type-choice rules are excluded: the types follow Hibernate's mapping.
#
# Environment: SQUAWK_VERSION (default 2.66.0), PG_VERSION (default 15, the test server's),
# SQUAWK_EXCLUDE_MORE (more rules to exclude, comma-separated). Prints each finding and a count
# per file and rule; exits 1 when a migration after the first has a finding, 2 when squawk cannot
# be installed.
set -euo pipefail

squawk_version=${SQUAWK_VERSION:-2.66.0}
pg_version=${PG_VERSION:-15}
exclude=prefer-text-field,prefer-robust-stmts,prefer-bigint-over-int,prefer-bigint-over-smallint,prefer-identity,prefer-timestamp-tz
if [[ -n "${SQUAWK_EXCLUDE_MORE:-}" ]]; then
  exclude="$exclude,$SQUAWK_EXCLUDE_MORE"
fi
first=create-all

root=$(cd "$(dirname "$0")/.." && pwd)
golden=$root/core/src/test/resources/golden/online/postgresql
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! command -v npm >/dev/null; then
  echo "npm not found: install Node.js and npm (Debian: apt-get install nodejs npm) to run squawk" >&2
  exit 2
fi
if ! npm install --silent --no-audit --no-fund --prefix "$work/npm" "squawk-cli@$squawk_version" >"$work/npm.log" 2>&1; then
  echo "cannot install squawk-cli@$squawk_version from the npm registry:" >&2
  cat "$work/npm.log" >&2
  exit 2
fi
squawk=$work/npm/node_modules/.bin/squawk

mkdir -p "$work/in-transaction" "$work/outside"
for file in "$golden"/*.sql; do
  name=$(basename "$file" .sql)
  awk -v main="$work/in-transaction/$name.sql" -v later="$work/outside/$name.follow-up.sql" '
    BEGIN { out = main }
    /^-- ==== follow-up migration/ { out = later; next }
    { print > out }' "$file"
done

echo "squawk $("$squawk" --version | awk '{print $2}') --pg-version=$pg_version, excluded: $exclude"
echo "golden scenarios: $(ls "$golden"/*.sql | wc -l) in $golden ($(ls "$work/outside" | wc -l) with a follow-up)"
report=$work/findings.txt
# squawk exits non-zero when it finds something: the findings are the result, not an error
"$squawk" --reporter=gcc --pg-version="$pg_version" --exclude="$exclude" --assume-in-transaction \
  "$work"/in-transaction/*.sql >"$report" 2>&1 || true
if compgen -G "$work/outside/*.sql" >/dev/null; then
  "$squawk" --reporter=gcc --pg-version="$pg_version" --exclude="$exclude" \
    "$work"/outside/*.sql >>"$report" 2>&1 || true
fi
if grep -v ': warning: \|: error: ' "$report" | grep -q .; then
  echo "squawk did not report as expected:" >&2
  cat "$report" >&2
  exit 2
fi

sed -e "s#$work/in-transaction/##" -e "s#$work/outside/##" "$report" > "$work/short.txt"
echo
echo "== findings"
cat "$work/short.txt"
echo
echo "== per file (file: rule count ...)"
for file in "$work"/in-transaction/*.sql "$work"/outside/*.sql; do
  [[ -e "$file" ]] || continue
  base=$(basename "$file")
  rules=$(awk -F': ' -v f="$base" 'index($1, f ":") == 1 { split($3, w, " "); n[w[1]]++ }
    END { for (r in n) printf "%s %d, ", r, n[r] }' "$work/short.txt" | sed 's/, $//')
  printf '%s: %s%s\n' "$base" "${rules:-none}" "$([[ $base == $first.sql ]] && echo '  (the first migration: not counted)')"
done
echo
echo "== per rule (migrations after the first)"
grep -v "^$first\.sql:" "$work/short.txt" | awk -F': ' '{ split($3, w, " "); n[w[1]]++ } END { for (r in n) print n[r], r }' | sort -rn
counted=$(grep -vc "^$first\.sql:" "$work/short.txt" || true)
echo
echo "$counted finding(s) in the migrations after the first"
[[ "$counted" -eq 0 ]]
