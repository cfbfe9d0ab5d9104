#!/usr/bin/env bash
# Author a migration without a database: diff the committed schema against the edited one.
#   usage: pnpm db:migration <name>
set -euo pipefail
name=${1:?usage: pnpm db:migration <name>}
root=$(git rev-parse --show-toplevel)
cd "$root"
old=$(mktemp --suffix=.prisma)
trap 'rm -f "$old"' EXIT
git show HEAD:prisma/schema.prisma > "$old"
dir="prisma/migrations/$(date -u +%Y%m%d%H%M%S)_${name}"
sql=$(DATA_DIR=$(mktemp -d) pnpm exec prisma migrate diff --from-schema-datamodel "$old" --to-schema-datamodel prisma/schema.prisma --script)
if ! grep -qv '^--' <<<"$sql"; then echo "no schema change since HEAD"; exit 1; fi
mkdir -p "$dir"
printf '%s\n' "$sql" > "$dir/migration.sql"
echo "wrote $dir/migration.sql"
