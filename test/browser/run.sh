#!/usr/bin/env bash
# `npm run test:browser`: the *.browser-spec.ts suites, driving Debian's Chromium (playwright-core) against the vault
# as built by `npm run build`. Installs Chromium from Debian's packages when missing (as root or through sudo);
# nothing is downloaded by the test tools themselves.
#   run.sh [jest arguments]
set -Eeuo pipefail

PACKAGES=(chromium fonts-dejavu-core fonts-liberation)

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"

bash "$root/scripts/install-debian-packages.sh" browser "${PACKAGES[@]}"

# The specs start the built vault, so it must be built from the sources as they are now.
npm run -s build
exec npx jest --selectProjects browser "$@"
