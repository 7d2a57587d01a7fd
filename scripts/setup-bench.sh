#!/usr/bin/env bash
# Installs the Debian packages the reference benchmark needs (bench/reference/reference.py, run with
# /usr/bin/python3): NetworkX 2.8, python-igraph 0.10 and SciPy (which NetworkX uses for its
# matrix-based algorithms; the stages measured do not call it, but it is part of the reference
# install the issue asks for). Skips what is already installed.
set -euo pipefail
need=()
# The reference runs with Debian's python (/usr/bin/python3), whatever python3 comes first on PATH.
/usr/bin/python3 -c 'import networkx' >/dev/null 2>&1 || need+=(python3-networkx)
/usr/bin/python3 -c 'import igraph' >/dev/null 2>&1 || need+=(python3-igraph)
/usr/bin/python3 -c 'import scipy' >/dev/null 2>&1 || need+=(python3-scipy)
exec bash "$(dirname "$0")/apt-install.sh" setup-bench "${need[@]}"
