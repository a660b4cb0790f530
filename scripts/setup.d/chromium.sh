#!/usr/bin/env bash
# Headless Chromium for the playground page test (tests/test_server_playground.py).
set -euo pipefail
source "$(dirname "$0")/../apt_install.sh"
apt_install chromium fonts-dejavu-core
