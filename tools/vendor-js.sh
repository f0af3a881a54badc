#!/usr/bin/env bash
# Re-fetches the browser libraries the app serves itself (no CDN) into src/Vakka.Web/wwwroot/lib.
# The files are committed; run this only to change a version (and say so in the commit).
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm init -y >/dev/null && npm install --no-audit --no-fund \
  @zxing/library@0.23.0 @zxing/browser@0.2.1 chart.js@4.6.1 >/dev/null)
lib=src/Vakka.Web/wwwroot/lib
cp "$tmp/node_modules/@zxing/library/umd/index.min.js" "$lib/zxing/zxing-library.min.js"   # Apache-2.0, global ZXing
cp "$tmp/node_modules/@zxing/browser/umd/zxing-browser.min.js" "$lib/zxing/zxing-browser.min.js" # MIT, global ZXingBrowser
cp "$tmp/node_modules/@zxing/library/LICENSE" "$lib/zxing/LICENSE"
cp "$tmp/node_modules/chart.js/dist/chart.umd.min.js" "$lib/chartjs/chart.umd.min.js"        # MIT, global Chart
cp "$tmp/node_modules/chart.js/LICENSE.md" "$lib/chartjs/LICENSE.md"
sed -i 's|//# sourceMappingURL=.*$||' "$lib"/*/*.js
echo "vendored into $lib"
