#!/bin/sh
# The Debian packages the tests need, checked before `make test` runs them:
# it says which are missing and why, and installs them with apt only when told
# to (CI=true, as .ci/run sets, or INSTALL_SYSTEM_DEPS=1) and running as root.
# Otherwise it prints the command and stops: nothing on the system changes
# without the person asking for it.
set -eu

missing=""
why=""
need() {  # need PACKAGE "why the tests need it"
  missing="$missing $1"
  why="$why
  $1: $2"
}

if [ -n "${CHROMIUM:-}" ]; then
  [ -x "$CHROMIUM" ] || { echo "CHROMIUM=$CHROMIUM is not an executable file." >&2; exit 1; }
else
  [ -x /usr/bin/chromium ] \
    || need chromium "the browser tests drive Debian's Chromium at /usr/bin/chromium (CHROMIUM= names another)"
  [ -f /usr/lib/chromium/locales/sv.pak ] \
    || need chromium-l10n "Chromium in Swedish, so date fields read åååå-mm-dd as readers see them"
fi
{ command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; } && [ -f /etc/nginx/mime.types ] \
  || need nginx-light "the deployment tests run deploy/nginx.conf in a real nginx"
[ -d /usr/share/fonts/truetype/dejavu ] \
  || need fonts-dejavu-core "a font for Chromium's text and the printed PDFs"
command -v node >/dev/null 2>&1 \
  || need nodejs "the checklist's sync simulation runs its script in Node"
command -v pdftoppm >/dev/null 2>&1 \
  || need poppler-utils "pdftoppm turns the printed PDFs into images the print tests look at"
command -v soffice >/dev/null 2>&1 \
  || need libreoffice-impress-nogui "LibreOffice Impress opens the slides the build writes, as a reader would"

[ -z "$missing" ] && exit 0

command="apt-get update && apt-get install -y --no-install-recommends$missing"
echo "The tests need Debian packages that are not installed:$why" >&2

if [ "${CI:-}" = true ] || [ "${INSTALL_SYSTEM_DEPS:-}" = 1 ]; then
  if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "Installing them needs root and apt-get. Run as root: $command" >&2
    exit 1
  fi
  echo "Installing them now with apt-get (CI=${CI:-} INSTALL_SYSTEM_DEPS=${INSTALL_SYSTEM_DEPS:-}):" >&2
  echo "  $command" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $missing >/dev/null
  echo "Installed:$missing" >&2
  exit 0
fi

cat >&2 <<MSG
Nothing was installed. Install them as root (su -, or sudo):
  $command
or let make do it, as root: make test INSTALL_SYSTEM_DEPS=1
MSG
exit 1
