#!/bin/sh
# Make sure the system programs the tests drive are installed: Debian's
# Chromium (Playwright's own browser download does not work here) and nginx
# (the tests run deploy/nginx.conf for real).
# Installs them with apt when running as root on Debian; otherwise explains.
set -eu

missing=""
[ -x /usr/bin/chromium ] || missing="$missing chromium"
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing="$missing nginx-light"
# A font for Chromium to render (and print to PDF) text with.
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
The browser tests drive Debian's Chromium at /usr/bin/chromium, and the
deployment tests run nginx. Install them as root, for example:
    sudo apt-get update && sudo apt-get install -y$missing
MSG
exit 1
