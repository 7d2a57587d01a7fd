#!/usr/bin/env bash
# Installs the Debian packages the test suite needs (headless Chromium for the explorer test,
# Jupyter's nbconvert/nbclient for running the notebooks, pandas and NetworkX for the Python notebook
# and for reading the GEXF 1.2draft exports back). Skips what is already installed. Needs apt (Debian/Ubuntu) and root, or sudo.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
# The notebooks run with Debian's python (/usr/bin/python3), whatever python3 comes first on PATH.
{ command -v jupyter-nbconvert >/dev/null 2>&1 && /usr/bin/python3 -c 'import nbclient, nbformat, jupyter_client' >/dev/null 2>&1; } \
  || need+=(jupyter-nbconvert python3-nbclient python3-ipykernel)
# NetworkX 2.8 also reads the GEXF 1.2draft exports back in a test (tests/export/networkx-gexf.test.ts).
/usr/bin/python3 -c 'import pandas, networkx' >/dev/null 2>&1 || need+=(python3-pandas python3-networkx)
exec bash "$(dirname "$0")/apt-install.sh" setup-system "${need[@]}"
