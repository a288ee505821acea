#!/usr/bin/env bash
# Installs whichever of the named Debian packages are missing, as root or through sudo, and fails saying why when it
# cannot. Shared by the test suites that need servers or a browser from Debian.
#   install-debian-packages.sh LABEL PACKAGE...   (LABEL prefixes what it says, e.g. "services")
set -Eeuo pipefail

label=$1
shift
say() { echo "$label: $*" >&2; }
fail() {
  say "$*"
  exit 1
}

missing=()
for package in "$@"; do
  dpkg-query -W -f='${Status}' "$package" 2> /dev/null | grep -q 'install ok installed' || missing+=("$package")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

as_root() {
  if [[ $(id -u) -eq 0 ]]; then
    "$@"
  elif command -v sudo > /dev/null; then
    sudo "$@"
  else
    fail "must install ${missing[*]} but am not root and have no sudo: apt-get install -y --no-install-recommends ${missing[*]}"
  fi
}

command -v apt-get > /dev/null || fail "missing ${missing[*]}, and there is no apt-get to install them with"
say "installing ${missing[*]}"
log=$(mktemp)
if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get -qq update > "$log" 2>&1 \
  || ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >> "$log" 2>&1; then
  tail -n 30 "$log" >&2
  rm -f "$log"
  fail "could not install ${missing[*]} (apt-get output above)"
fi
rm -f "$log"
