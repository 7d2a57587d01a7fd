"""Executes Jupyter notebooks headlessly with nbclient (Debian's python3-nbclient).

Called by scripts/run-notebooks.sh, which sets up the Jupyter paths and the kernelspecs (Deno, and
Debian's Python); run that, not this. Each notebook is executed cell by cell, on the kernel its
metadata names, with its own directory as the working directory; the executed copy (outputs
included, also on failure) is written to --out in a stable form (see `stable`), so that executing
an unchanged notebook again gives the same file. On the first
failing cell of a notebook the rest of that notebook is skipped, and the run goes on with the next
notebook. Exit status: 0 when every notebook ran, 1 when a cell failed, 2 on a usage error.
"""
import argparse
import os
import queue
import sys

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionComplete, CellExecutionError, CellTimeoutError, DeadKernelError
from nbclient.util import ensure_async


def first_line(source: str) -> str:
    for line in source.splitlines():
        if line.strip():
            return line.strip()[:100]
    return '(empty cell)'


def error_of(cell) -> str:
    for out in cell.get('outputs', []):
        if out.get('output_type') == 'error':
            return f"{out.get('ename', 'Error')}: {out.get('evalue', '')}".strip()
    return ''


class DenoNotebookClient(NotebookClient):
    """nbclient, tolerant of output published after the kernel reports `idle`.

    Deno's kernel (2.x) sometimes publishes a cell's `stream` (console.log) and even its
    `execute_result` just *after* the `idle` status that, per the protocol, ends the cell. nbclient
    stops listening at `idle`, so those outputs were silently lost on some runs (seen for ~1 cell in
    5). After `idle`, keep collecting the cell's messages until none has come for `grace` seconds.
    """

    grace = 0.1

    async def _async_poll_output_msg(self, parent_msg_id, cell, cell_index):
        assert self.kc is not None
        done = False
        while True:
            try:
                msg = await ensure_async(self.kc.iopub_channel.get_msg(timeout=self.grace if done else None))
            except queue.Empty:
                return
            if msg['parent_header'].get('msg_id') != parent_msg_id:
                continue
            if done and msg['msg_type'] == 'status':
                continue
            try:
                self.process_message(msg, cell, cell_index)
            except CellExecutionComplete:
                done = True


def stable(nb) -> None:
    """Removes what differs between two runs of the same notebook, in place.

    Consecutive outputs of one stream are joined (a kernel splits a cell's console output into
    messages as it pleases), and per-cell execution metadata (timings) is dropped.
    """
    for cell in nb.cells:
        cell.metadata.pop('execution', None)
        if cell.cell_type != 'code':
            continue
        merged = []
        for out in cell.outputs:
            prev = merged[-1] if merged else None
            if out.output_type == 'stream' and prev is not None and prev.output_type == 'stream' and prev.name == out.name:
                prev.text += out.text
            else:
                merged.append(out)
        cell.outputs = merged


def run(path: str, out_dir: str, kernel: str | None, timeout: int, startup_timeout: int) -> str | None:
    nb = nbformat.read(path, as_version=4)
    kernel = kernel or nb.metadata.get('kernelspec', {}).get('name') or 'deno'
    state = {'index': None}

    def on_cell_start(cell, cell_index, **_):
        state['index'] = cell_index

    client = DenoNotebookClient(
        nb,
        timeout=timeout,
        startup_timeout=startup_timeout,
        kernel_name=kernel,
        resources={'metadata': {'path': os.path.dirname(os.path.abspath(path))}},
        on_cell_start=on_cell_start,
        record_timing=False,
    )
    name = os.path.basename(path)
    failure = None
    try:
        client.execute()
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as e:
        i = state['index']
        if i is None:
            failure = f'{name}: the kernel failed before the first cell ({type(e).__name__}: {str(e).strip()[:500]})'
        else:
            cell = nb.cells[i]
            code_no = sum(1 for c in nb.cells[: i + 1] if c.cell_type == 'code')
            what = error_of(cell) or f'{type(e).__name__}: {str(e).strip().splitlines()[-1] if str(e).strip() else ""}'
            failure = (f'{name}: cell {i + 1} (code cell {code_no}, id {cell.get("id", "?")}) failed: {what}\n'
                       f'    cell starts: {first_line(cell.source)}')
    except Exception as e:  # kernel did not start, etc.
        failure = f'{name}: could not run ({type(e).__name__}: {str(e).strip()[:500]})'
    finally:
        stable(nb)
        os.makedirs(out_dir, exist_ok=True)
        nbformat.write(nb, os.path.join(out_dir, name))
    return failure


def clear(path: str) -> None:
    """Strips outputs, execution counts and execution metadata, in place (for committing)."""
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == 'code':
            cell.outputs = []
            cell.execution_count = None
        cell.metadata.pop('execution', None)
    nbformat.write(nb, path)
    print(f'run-notebooks: cleared {path}')


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('notebooks', nargs='+')
    ap.add_argument('--out', help='directory for the executed notebooks')
    ap.add_argument('--clear', action='store_true', help='strip the outputs of the notebooks in place instead of running them')
    ap.add_argument('--kernel', help="kernel for every notebook (default: the one each notebook's metadata names, else deno)")
    ap.add_argument('--timeout', type=int, default=300, help='seconds per cell')
    ap.add_argument('--startup-timeout', type=int, default=120, help='seconds for the kernel to start')
    args = ap.parse_args()
    failures = []
    for path in args.notebooks:
        if not os.path.isfile(path):
            print(f'run-notebooks: no such notebook: {path}', file=sys.stderr)
            return 2
    if args.clear:
        for path in args.notebooks:
            clear(path)
        return 0
    if not args.out:
        ap.error('--out is required')
    for path in args.notebooks:
        name = os.path.basename(path)
        print(f'run-notebooks: executing {name} …', flush=True)
        failure = run(path, args.out, args.kernel, args.timeout, args.startup_timeout)
        if failure:
            print(f'run-notebooks: FAILED {failure}', file=sys.stderr, flush=True)
            failures.append(failure)
        else:
            print(f'run-notebooks: ok {name} → {os.path.join(args.out, name)}', flush=True)
    if failures:
        print(f'run-notebooks: {len(failures)} of {len(args.notebooks)} notebook(s) failed:', file=sys.stderr)
        for f in failures:
            print(f'  {f}', file=sys.stderr)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
