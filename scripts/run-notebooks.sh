#!/usr/bin/env bash
# Executes the notebooks headlessly: the TypeScript ones on Deno's Jupyter kernel, the Python one on
# Debian's python3 (ipykernel, pandas, NetworkX).
#
#   scripts/run-notebooks.sh [--out DIR] [NOTEBOOK.ipynb ...]
#   scripts/run-notebooks.sh --out notebooks                 re-execute the committed notebooks in place
#                                                             (what `npm run notebooks` does)
#   scripts/run-notebooks.sh --clear [NOTEBOOK.ipynb ...]    strip outputs in place
#
# Without notebooks: every notebooks/*.ipynb. The executed copies (with outputs) go to DIR, by default
# a fresh directory under the OS temp dir (printed at the end). Exits 1 naming the notebook and the cell
# when a cell fails, 2 when something is missing (Jupyter: `npm run setup:system`; dist/: `npm run build`).
#
# Nothing global is touched: the kernelspecs, Jupyter's runtime/config/data dirs and Deno's cache
# (DENO_DIR, unless already set) live in $TMPDIR/twinnet-notebooks-<hash of the repo path>/.
# Jupyter runs with Debian's /usr/bin/python3 (override: TWINNET_PYTHON). Deno is the npm package's
# binary (node_modules/.bin/deno); it resolves npm imports from the repo's node_modules (package.json
# at the root => Deno's "bring your own node_modules" mode), so no network is needed.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
py="${TWINNET_PYTHON:-/usr/bin/python3}"
deno="$root/node_modules/.bin/deno"

out=""
clear=0
notebooks=()
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out="${2:?--out needs a directory}"; shift 2 ;;
    --out=*) out="${1#--out=}"; shift ;;
    --clear) clear=1; shift ;;
    -h|--help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "run-notebooks: unknown option $1" >&2; exit 2 ;;
    *) notebooks+=("$1"); shift ;;
  esac
done
if [ ${#notebooks[@]} -eq 0 ]; then
  shopt -s nullglob
  notebooks=("$root"/notebooks/*.ipynb)
  shopt -u nullglob
  [ ${#notebooks[@]} -gt 0 ] || { echo "run-notebooks: no notebooks in $root/notebooks" >&2; exit 2; }
fi

if [ ! -x "$py" ] || ! "$py" -c 'import nbclient, nbformat, jupyter_client' >/dev/null 2>&1; then
  echo "run-notebooks: Jupyter (nbclient) is missing for $py — run \`npm run setup:system\` (installs jupyter-nbconvert python3-nbclient python3-ipykernel)" >&2
  exit 2
fi
if [ "$clear" -eq 1 ]; then
  exec "$py" "$root/scripts/run-notebooks.py" --clear "${notebooks[@]}"
fi
if [ ! -x "$deno" ]; then
  echo "run-notebooks: $deno is missing — the npm package \`deno\` (a devDependency) is not installed" >&2
  exit 2
fi
if [ ! -f "$root/dist/src/index.js" ]; then
  echo "run-notebooks: $root/dist/src/index.js is missing — run \`npm run build\` first (the notebooks import the compiled library)" >&2
  exit 2
fi

tmp="${TMPDIR:-/tmp}"
state="$tmp/twinnet-notebooks-$(printf '%s' "$root" | cksum | cut -d' ' -f1)"
mkdir -p "$state"
export JUPYTER_PATH="$state/jupyter"
export JUPYTER_DATA_DIR="$state/jupyter"
export JUPYTER_CONFIG_DIR="$state/config"
export JUPYTER_RUNTIME_DIR="$state/runtime"
export JUPYTER_PLATFORM_DIRS=1
export DENO_DIR="${DENO_DIR:-$state/deno}"
export DENO_NO_UPDATE_CHECK=1
export DENO_NO_PROMPT=1
export NO_COLOR=1

# The kernelspec: `deno jupyter --install` writes to $XDG_DATA_HOME/jupyter/kernels/deno on Linux.
# Reinstalled when missing or pointing at another deno binary; written by hand where the installer
# puts it elsewhere (macOS, Windows).
spec="$state/jupyter/kernels/deno/kernel.json"
deno_real="$(readlink -f "$deno" 2>/dev/null || echo "$deno")"
if [ ! -f "$spec" ] || ! grep -qF "\"$deno_real\"" "$spec"; then
  XDG_DATA_HOME="$state" "$deno" jupyter --install --force >/dev/null 2>&1 || true
  if [ ! -f "$spec" ] || ! grep -qF "\"$deno_real\"" "$spec"; then
    mkdir -p "$(dirname "$spec")"
    printf '{\n  "argv": ["%s", "jupyter", "--kernel", "--conn", "{connection_file}"],\n  "display_name": "Deno",\n  "language": "typescript"\n}\n' "$deno_real" > "$spec"
  fi
  echo "run-notebooks: Deno kernelspec installed in $(dirname "$spec")"
fi

# The Python kernel: Debian's python3, whichever python3 comes first on PATH.
pyspec="$state/jupyter/kernels/python3/kernel.json"
mkdir -p "$(dirname "$pyspec")"
printf '{\n  "argv": ["%s", "-Xfrozen_modules=off", "-m", "ipykernel_launcher", "-f", "{connection_file}"],\n  "display_name": "Python 3 (Debian)",\n  "language": "python"\n}\n' "$py" > "$pyspec"

[ -n "$out" ] || out="$(mktemp -d "$tmp/twinnet-notebooks-out.XXXXXX")"
mkdir -p "$out"
start=$SECONDS
status=0
"$py" "$root/scripts/run-notebooks.py" --out "$out" "${notebooks[@]}" || status=$?
echo "run-notebooks: executed notebooks in $out ($((SECONDS - start)) s)"
exit $status
