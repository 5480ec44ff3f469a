#!/usr/bin/env bash
# Write a new migration from the schema change since the last commit:
#   bash scripts/new-migration.sh add_something
# `prisma migrate dev` cannot build its shadow database with the WebAssembly schema engine
# (P3006), so we diff the committed schema against the working one instead (decision 001).
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: new-migration.sh NAME}"
dir="prisma/migrations/$(date -u +%Y%m%d%H%M%S)_${name}"
old="$(mktemp --suffix=.prisma)"
git show HEAD:prisma/schema.prisma > "$old"
mkdir -p "$dir"
npx prisma migrate diff --from-schema-datamodel "$old" --to-schema-datamodel prisma/schema.prisma --script > "$dir/migration.sql"
rm -f "$old"
echo "wrote $dir/migration.sql — review it, then: npx prisma migrate deploy"
