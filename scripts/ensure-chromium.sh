#!/usr/bin/env bash
# Installs Debian's Chromium (used by the browser tests through playwright-core) when it is missing.
# Non-interactive and quiet; `apt-get update` runs only when the package lists are missing or stale.
set -euo pipefail

CHROMIUM=/usr/bin/chromium
[ -x "$CHROMIUM" ] && exit 0

fail() {
  echo "ensure-chromium: $*" >&2
  echo "ensure-chromium: or set ROADSHOW_SKIP_BROWSER=1 to skip the browser tests" >&2
  exit 1
}

command -v apt-get >/dev/null 2>&1 || fail "$CHROMIUM is missing and there is no apt-get: install Chromium by hand"
SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || fail "installing Chromium needs root (or sudo)"
  SUDO=(sudo -n)
fi

export DEBIAN_FRONTEND=noninteractive
install() { "${SUDO[@]}" apt-get install -y -qq chromium >/dev/null; }

echo "ensure-chromium: installing chromium with apt-get" >&2
if ! apt-cache show chromium >/dev/null 2>&1; then
  "${SUDO[@]}" apt-get update -qq
fi
# Stale lists make the download 404: refresh them once and retry.
install || { "${SUDO[@]}" apt-get update -qq && install; }
[ -x "$CHROMIUM" ] || fail "apt-get finished but $CHROMIUM is still missing"
"$CHROMIUM" --version 2>/dev/null >&2 || true
