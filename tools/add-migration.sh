#!/usr/bin/env bash
# Generates a migration for both providers at once. Never hand-edit the generated schema; data-fixing SQL
# (migrationBuilder.Sql, marked "Hand-added") may be added to both providers' Up methods.
# Usage: tools/add-migration.sh <Name>
set -euo pipefail
name=${1:?usage: tools/add-migration.sh <MigrationName>}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet build src/Vakka.Web -v q -nologo
for ctx in Sqlite Postgres; do
  dotnet ef migrations add "$name" --no-build --project src/Migrations --startup-project src/Vakka.Web \
    --context "${ctx}VakkaDb" --output-dir "$ctx"
done
