#!/bin/sh
# Install the named Debian packages if any is missing: as root with apt-get, otherwise with
# passwordless sudo; if neither works, say what to run and fail.
set -eu
missing=""
for pkg in "$@"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  SUDO="sudo -n"
else
  echo "Es fehlen Debian-Pakete:$missing" >&2
  echo "Bitte einmal als Administrator ausführen: sudo apt-get install -y$missing" >&2
  exit 1
fi
echo "Installiere Debian-Pakete:$missing"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing
