#!/usr/bin/env bash
# Installs the Debian packages the test suite needs (headless Chromium for the explorer test,
# Jupyter's nbconvert/nbclient for running the notebooks). Skips what is already installed.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
# The notebooks run with Debian's python (/usr/bin/python3), whatever python3 comes first on PATH.
{ command -v jupyter-nbconvert >/dev/null 2>&1 && /usr/bin/python3 -c 'import nbclient, nbformat, jupyter_client' >/dev/null 2>&1; } \
  || need+=(jupyter-nbconvert python3-nbclient python3-ipykernel)
if [ ${#need[@]} -eq 0 ]; then echo "setup-system: all Debian packages present"; exit 0; fi
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq
$SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${need[@]}" >/dev/null
echo "setup-system: installed ${need[*]}"
