#!/usr/bin/env bash
# The install README describes, end to end, in a throwaway prefix: npm pack, npm install -g of the
# tarball, then the first-day commands with `kam` found on the PATH. kam has no runtime
# dependencies, so the install runs offline. (tests/e2e/gitInstall.test.ts does the same for the
# git release tag and the tarball, in npm test.)
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
npm pack --pack-destination "$work" >/dev/null
tarball="$(ls "$work"/kam-*.tgz)"
npm install -g --offline --prefix "$work/prefix" "$tarball" >/dev/null
export PATH="$work/prefix/bin:$PATH"
cd "$work"
command -v kam
kam --version
kam init x --yes >/dev/null
cd x
kam check >/dev/null
kam new account "Crème Brûlée AG" --manager "Dana Whitfield" >/dev/null
kam new plan creme-brulee-ag >/dev/null
kam score >/dev/null
kam check >/dev/null
kam render creme-brulee-ag --format html --out out/ >/dev/null
echo "install check passed: $tarball"
