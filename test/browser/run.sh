#!/usr/bin/env bash
# `npm run test:browser`: the *.browser-spec.ts suites, driving Debian's Chromium (playwright-core) against the vault
# as built by `npm run build`. Installs Chromium from Debian's packages when missing (as root or through sudo);
# nothing is downloaded by the test tools themselves.
#   run.sh [jest arguments]
set -Eeuo pipefail

PACKAGES=(chromium fonts-dejavu-core fonts-liberation)

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"

say() { echo "browser: $*" >&2; }

as_root() {
  if [[ $(id -u) -eq 0 ]]; then
    "$@"
  elif command -v sudo > /dev/null; then
    sudo "$@"
  else
    say "must install ${missing[*]} but am not root and have no sudo: apt-get install -y --no-install-recommends ${missing[*]}"
    exit 1
  fi
}

missing=()
for package in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2> /dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [[ ${#missing[@]} -gt 0 ]]; then
  command -v apt-get > /dev/null || { say "missing ${missing[*]}, and there is no apt-get to install them with"; exit 1; }
  say "installing ${missing[*]}"
  log=$(mktemp)
  if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get -qq update > "$log" 2>&1 \
    || ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >> "$log" 2>&1; then
    tail -n 30 "$log" >&2
    rm -f "$log"
    say "could not install ${missing[*]} (apt-get output above)"
    exit 1
  fi
  rm -f "$log"
fi

# The specs start the built vault, so it must be built from the sources as they are now.
npm run -s build
exec npx jest --selectProjects browser "$@"
