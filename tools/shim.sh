#!/usr/bin/env bash
# Takes Material's search shim for file:// (the npm package iframe-worker, at the version in bron.json) from the
# npm registry again and checks it against the recorded integrity. Only for updating it: the file is committed,
# so building the site needs neither npm nor a network. To move to a new version, edit "versie" and
# "integrity" in bron.json (`npm view iframe-worker@VERSIE dist.integrity`) and run `make shim`.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=theme/assets/vendor/iframe-worker
command -v npm >/dev/null || { echo "npm ontbreekt: installeer npm (Debian: sudo apt-get install npm)" >&2; exit 1; }
read -r pakket versie integrity bestand < <(python3 -c 'import json,sys; b=json.load(open(sys.argv[1])); print(b["pakket"], b["versie"], b["integrity"], b["bestand"])' "$dir/bron.json")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
npm pack --silent --pack-destination "$tmp" "$pakket@$versie" >/dev/null
tarball=$(ls "$tmp"/*.tgz)
got="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)"
if [ "$got" != "$integrity" ]; then
  echo "$pakket@$versie heeft niet de vastgelegde integrity ($got); niets veranderd" >&2
  exit 1
fi
tar -xzf "$tarball" -C "$tmp"
cp "$tmp/package/$bestand" "$dir/shim.js"
cp "$tmp/package/LICENSE" "$dir/LICENSE"
sum=$(sha256sum "$dir/shim.js" | cut -d' ' -f1)
python3 -c 'import json,sys; p=sys.argv[1]; b=json.load(open(p)); b["sha256"]=sys.argv[2]; open(p,"w").write(json.dumps(b, indent=2, ensure_ascii=False)+"\n")' "$dir/bron.json" "$sum"
echo "$pakket@$versie overgenomen in $dir (sha256 $sum)"
