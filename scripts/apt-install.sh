#!/usr/bin/env bash
# apt-install.sh NAME PACKAGE…: installs Debian packages non-interactively (sudo when not root),
# waiting up to 10 minutes for another apt to release its lock; NAME prefixes the message. With no
# packages it only says that all are present. Shared by setup-system.sh and setup-bench.sh.
set -euo pipefail
name="$1"; shift
if [ $# -eq 0 ]; then echo "$name: all Debian packages present"; exit 0; fi
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq
$SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "$@" >/dev/null
echo "$name: installed $*"
