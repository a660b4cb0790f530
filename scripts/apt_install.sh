#!/usr/bin/env bash
# Sourced by scripts/setup.d/*.sh: `apt_install PACKAGE...` installs Debian packages that are missing.
# Without root or apt it prints what to install by hand and returns non-zero (the tests that need them then fail
# with that message in front of them, instead of passing silently).
apt_install() {
  local missing=()
  for package in "$@"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    echo "[setup] please install these system packages: ${missing[*]}" >&2
    return 1
  fi
  echo "[setup] apt-get install ${missing[*]}" >&2
  if [ ! -f /tmp/.codellama-apt-updated ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null && touch /tmp/.codellama-apt-updated
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}
