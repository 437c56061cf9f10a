#!/usr/bin/env bash
# Fails when notebooks-export/ is stale: regenerates it into a temporary folder with
# scripts/export-notebooks.sh and compares byte for byte (runs are byte-identical by design),
# then validates the committed notebooks with scripts/validate-notebooks.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
fresh=$(mktemp -d)
trap 'rm -rf "$fresh"' EXIT
OUT="$fresh" bash scripts/export-notebooks.sh >/dev/null
committed=$(cd notebooks-export && find . -type f ! -name README.md | sort)
regenerated=$(cd "$fresh" && find . -type f | sort)
if [ "$committed" != "$regenerated" ]; then
  echo "notebooks-export is stale: the files differ from a fresh export" >&2
  diff <(echo "$committed") <(echo "$regenerated") >&2 || true
  exit 1
fi
stale=0
while IFS= read -r file; do
  if ! cmp -s "notebooks-export/$file" "$fresh/$file"; then
    echo "notebooks-export is stale: $file differs from a fresh export (run bash scripts/export-notebooks.sh)" >&2
    stale=1
  fi
done <<< "$committed"
[ "$stale" -eq 0 ] || exit 1
bash scripts/validate-notebooks.sh notebooks-export/*.ipynb
echo "notebooks-export: up to date and valid"
