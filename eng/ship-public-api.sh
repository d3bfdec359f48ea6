#!/usr/bin/env bash
# Marks the public API as shipped at a release: moves every src/*/PublicAPI.Unshipped.txt entry into
# PublicAPI.Shipped.txt (sorted, one line per symbol; "*REMOVED*" entries delete the shipped line) and leaves
# Unshipped empty, so the next change to the API shows up in review as an Unshipped line.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

for unshipped in src/*/PublicAPI.Unshipped.txt; do
  shipped="${unshipped%Unshipped.txt}Shipped.txt"
  removed=$(grep '^\*REMOVED\*' "$unshipped" | sed 's/^\*REMOVED\*//' || true)
  {
    echo '#nullable enable'
    { grep -v -x '#nullable enable' "$shipped" || true; grep -v -x '#nullable enable' "$unshipped" | grep -v '^\*REMOVED\*' || true; } \
      | grep -v '^$' | grep -v -x -F -f <(printf '%s\n' "${removed:-^$}") | LC_ALL=C sort -u
  } >"$shipped.new"
  mv "$shipped.new" "$shipped"
  echo '#nullable enable' >"$unshipped"
done
