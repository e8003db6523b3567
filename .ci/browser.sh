#!/usr/bin/env bash
# Makes sure Debian's Chromium is at /usr/bin/chromium for the page tests
# (playwright-core drives it; `npx playwright install` cannot download
# browsers on a machine without internet). Installs the `chromium` package
# with apt-get when it is missing (root or password-less sudo needed).
set -euo pipefail

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo -n "$@"
  else echo "[browser] ERROR: need root or password-less sudo to install chromium" >&2; return 1; fi
}

if [ -x "$CHROMIUM" ]; then
  echo "[browser] $("$CHROMIUM" --version 2>/dev/null || echo chromium) at $CHROMIUM"
  exit 0
fi
echo "[browser] $CHROMIUM missing: installing Debian's chromium"
export DEBIAN_FRONTEND=noninteractive
as_root apt-get update -qq
as_root apt-get install -y -qq chromium >/dev/null
"$CHROMIUM" --version
