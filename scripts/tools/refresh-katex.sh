#!/usr/bin/env bash
# Refresh the committed KaTeX copy in docs/assets/katex from the npm package (maths renders offline,
# with no request to another origin). Usage: scripts/tools/refresh-katex.sh [version]
set -euo pipefail
version=${1:-$(npm view katex version)}
dest="$(cd "$(dirname "$0")/../.." && pwd)/docs/assets/katex"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "katex@$version" >/dev/null && tar xzf katex-*.tgz)
rm -rf "$dest" && mkdir -p "$dest/fonts"
cp "$work/package/dist/katex.min.js" "$work/package/dist/katex.min.css" "$work/package/LICENSE" "$dest/"
cp "$work/package/dist/contrib/auto-render.min.js" "$dest/"
# woff2 is supported by every browser the site targets; the other formats are never requested.
cp "$work/package/dist/fonts/"*.woff2 "$dest/fonts/"
echo "$version" > "$dest/VERSION"
echo "KaTeX $version copied to $dest"
