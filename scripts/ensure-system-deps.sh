#!/bin/sh
# Make sure the system programs the tests drive are installed: Debian's
# Chromium (Playwright's own browser download does not work here; CHROMIUM=
# may name another build), nginx (the tests run deploy/nginx.conf for real,
# with nginx-light's /etc/nginx/mime.types), Chromium's Swedish (chromium-l10n)
# and a font for Chromium's text and PDFs. Installs them with apt when running
# as root on Debian (no sudo needed, none used); otherwise it says what to install.
set -eu

missing=""
if [ -n "${CHROMIUM:-}" ]; then
  [ -x "$CHROMIUM" ] || { echo "CHROMIUM=$CHROMIUM is not an executable file." >&2; exit 1; }
else
  [ -x /usr/bin/chromium ] || missing="$missing chromium"
  # Swedish interface (dates as åååå-mm-dd); without it Chromium falls back to English.
  [ -f /usr/lib/chromium/locales/sv.pak ] || missing="$missing chromium-l10n"
fi
{ command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; } && [ -f /etc/nginx/mime.types ] \
  || missing="$missing nginx-light"
[ -d /usr/share/fonts/truetype/dejavu ] || missing="$missing fonts-dejavu-core"

[ -z "$missing" ] && exit 0

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installerar saknade systempaket:$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $missing >/dev/null
  exit 0
fi

cat >&2 <<MSG
Missing system packages:$missing
The browser tests drive Debian's Chromium at /usr/bin/chromium (or CHROMIUM=),
and the deployment tests run nginx. Install them as root (su -, or sudo), e.g.:
    apt-get update && apt-get install -y --no-install-recommends$missing
MSG
exit 1
