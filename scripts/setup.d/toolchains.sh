#!/usr/bin/env bash
# Compilers and interpreters for the MultiPL-E benchmark (codellama eval multipl-e; tests/test_eval_multipl_e.py):
# C++ (g++), Java (javac/java), PHP, TypeScript (tsc + node), C# (mcs + mono), Bash; and the sandbox's tools
# (util-linux unshare/setpriv/prlimit, iproute2 to bring loopback up inside it; users without root also need
# unprivileged user namespaces, a kernel setting: see docs/evaluation.md).
set -euo pipefail
source "$(dirname "$0")/../apt_install.sh"
apt_install util-linux iproute2 mawk g++ default-jdk-headless php-cli nodejs node-typescript mono-mcs mono-runtime \
  bash
