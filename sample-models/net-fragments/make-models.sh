#!/usr/bin/env bash
# Re-makes models/nf-1.zip ... nf-11.zip: the net-fragment study's eleven models (Table 4.1) trained by `neuralgraph netfragments`
# with its defaults (seed 42, 1,000 copies of each digit an epoch, 10 epochs), the checkpoint after the last epoch.
# DL4J model zips without updater state. About 5 minutes on 2 cores.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$(mktemp -d)/netfragments"
"$here/../../bin/neuralgraph" netfragments --out "$out" --quiet
mkdir -p "$here/models"
for m in 1 2 3 4 5 6 7 8 9 10 11; do
  cp "$out/runs/nf-$m/checkpoint-epoch-0010.zip" "$here/models/nf-$m.zip"
done
cp "$out/tables/accuracy.csv" "$here/models/accuracy.csv"
rm -rf "$(dirname "$out")"
echo "models written to $here/models"
