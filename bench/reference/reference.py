#!/usr/bin/python3
"""Reference timings for twinnet's benchmark: the same stages with NetworkX and python-igraph.

Usage:
    /usr/bin/python3 bench/reference/reference.py LIST_FILE [--networkx] [--igraph]
        [--timeout S] [--prereq-timeout S] [--seed N] [--runs K]
        [--stages [LIB:]STAGE,...] [--skip LIB:STAGE=REASON] [--expect CHINA,PARTNERS,LINKS]
        [--note TEXT]

Prints ONE JSON object on stdout (progress goes to stderr). Without --networkx or --igraph, both run.

Stages (the same names for both libraries):
    parse_build      read the list file, parse it (pure Python, the same parser for both
                     libraries) and build the bipartite graph in the library
    project_china    weighted projection onto the Chinese side (weight = shared partners)
    project_partner  the same onto the partner side
    louvain_china    Louvain on the Chinese projection, weight = shared partners, resolution 1,
                     one run per seed (seed, seed+1, ... seed+runs-1)
    betweenness      betweenness on the bipartite graph: exact up to 14,100 links; above that
                     NetworkX samples 256 pivots and igraph is exact (it has no pivot sampling),
                     so it is reported as skipped when it does not finish within the timeout

How each stage is measured (the same way as twinnet's bench/stage.ts): every (library, stage) pair
runs in a fresh Python process (`reference.py --worker LIB STAGE FILE`), so the two libraries never
share memory. The worker builds the stage's prerequisites (untimed), prints BEGIN, runs the stage
timed with time.perf_counter(), and prints `RESULT {json}`. The parent starts the stage's timeout
clock at BEGIN and kills the worker when it runs out; the stage is then reported as
{"skipped": "timeout after S s"}. Peak memory is the worker's resource.getrusage(RUSAGE_SELF)
.ru_maxrss, prerequisites included (as in twinnet's bench); rss_at_begin_mb is the resident set at
BEGIN, so the stage's own share is roughly the difference.

Standard library + networkx + igraph only. The parent imports neither library: its own small
resident set is all a worker could inherit in ru_maxrss.
"""

import argparse
import hashlib
import json
import os
import platform
import queue
import re
import resource
import subprocess
import sys
import threading
import time
import unicodedata
from datetime import datetime, timezone

STAGES = ["parse_build", "project_china", "project_partner", "louvain_china", "betweenness"]
LIBRARIES = ["networkx", "igraph"]

# Betweenness is exact on graphs with at most this many links (scale 10 of the seed has 14,070).
EXACT_BETWEENNESS_MAX_LINKS = 14_100
# Pivots NetworkX samples above that (twinnet's default is the same number).
BETWEENNESS_PIVOTS = 256


# ---------------------------------------------------------------------------------------------
# The list parser (pure Python; the same for both libraries)
# ---------------------------------------------------------------------------------------------
#
# A simplified version of twinnet's src/parse/parse-list.ts. Each line is normalised (NFC,
# whitespace runs incl. no-break spaces collapsed to one space, trimmed) and read as one kind:
#   blank; section `==X==`; the title `= ... =` before any section; a partner line `- ...`,
#   `* ...` or `• ...` (belongs to the last Chinese header; outside any block it is unparsed);
#   intro text before the first section; a Chinese header (a short line of letters and place-name
#   punctuation); anything else is unparsed and closes the current block.
# Partner line: `[CODE ]Label, Location..., Country`, where CODE is three capital letters. The
# partner's identity is its label plus its location parts, as written (twinnet keys partners the
# same way: label + location). A Chinese entry's identity is its header text; a header seen twice
# reopens the same entry. A (Chinese entry, partner) pair listed twice is one link.

SECTION = re.compile(r"^==\s*([^=].*?)\s*==$")
TITLE = re.compile(r"^=\s*([^=].*?)\s*=$")
WHITESPACE = re.compile(r"[\s\u00a0]+")
LINE_BREAK = re.compile(r"\r\n|\n|\r")
HEADER_PUNCTUATION = set(" '’.,()–—-")
_char_ok = {}  # cache: character -> (may start a header, may appear in a header)


def normalize(line):
    """NFC, internal whitespace runs collapsed to one space, trimmed."""
    if line.isascii() and "  " not in line and "\t" not in line:
        return line.strip()
    return WHITESPACE.sub(" ", unicodedata.normalize("NFC", line)).strip()


def header_char(ch):
    """(may start a header, may appear in a header): letters/marks start; digits and punctuation follow."""
    r = _char_ok.get(ch)
    if r is None:
        cat = unicodedata.category(ch)[0]
        r = (cat in "LM", cat in "LMN" or ch in HEADER_PUNCTUATION)
        _char_ok[ch] = r
    return r


def is_header(line):
    """A plausible place header: letter first, then letters, digits, `'’.,()–—-` and spaces; ≤ 8 words."""
    if not header_char(line[0])[0]:
        return False
    if line[-1] in ".:;" or line.count(" ") >= 8:
        return False
    return all(header_char(ch)[1] for ch in line)


def parse_list(text):
    """Parses the rendered list. Returns a dict with the Chinese entries, partners, links and counts."""
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = LINE_BREAK.split(text)
    if len(lines) > 1 and lines[-1] == "":
        lines.pop()  # a line break at the very end does not start another line

    china = []           # header text per Chinese entry, in order of first appearance
    china_index = {}     # header -> position in `china`
    partners = []        # (label, (location parts...)) per partner, in order of first appearance
    partner_index = {}   # (label, location) -> position in `partners`
    links = []           # (china position, partner position), each pair once, in order
    linked = set()       # the pairs in `links`
    kinds = {"title": 0, "intro": 0, "section": 0, "china-header": 0, "partner": 0,
             "blank": 0, "unparsed": 0}
    duplicate_links = 0  # partner lines that repeat a pair already linked
    duplicate_headers = 0

    saw_section = False
    saw_title = False
    saw_intro = False
    block = None  # position of the current Chinese entry, or None outside any block

    for raw in lines:
        line = normalize(raw)
        if line == "":
            kinds["blank"] += 1
        elif line[0] == "=" and SECTION.match(line):
            kinds["section"] += 1
            saw_section = True
            block = None
        elif line[0] == "=" and not saw_section and not saw_title and not saw_intro and TITLE.match(line):
            kinds["title"] += 1
            saw_title = True
        elif line[0] in "-*•" and line[1:2] == " ":
            # a partner line: `- [CODE ]Label, Location..., Country`
            if block is None:
                kinds["unparsed"] += 1
                continue
            rest = line[2:]
            if len(rest) > 4 and rest[3] == " " and rest[:3].isascii() and rest[:3].isupper() and rest[:3].isalpha():
                rest = rest[4:]  # drop the flag code (`JPN `)
            parts = rest.split(",")
            label = parts[0].strip()
            location = tuple(p for p in (q.strip() for q in parts[1:]) if p)
            if label == "" or not location:
                kinds["unparsed"] += 1  # no ", Country" part
                continue
            kinds["partner"] += 1
            key = (label, location)
            p = partner_index.get(key)
            if p is None:
                p = len(partners)
                partner_index[key] = p
                partners.append(key)
            pair = (block, p)
            if pair in linked:
                duplicate_links += 1
            else:
                linked.add(pair)
                links.append(pair)
        elif not saw_section:
            kinds["intro"] += 1
            saw_intro = True
        elif is_header(line):
            kinds["china-header"] += 1
            c = china_index.get(line)
            if c is None:
                c = len(china)
                china_index[line] = c
                china.append(line)
            else:
                duplicate_headers += 1
            block = c
        else:
            kinds["unparsed"] += 1
            block = None

    return {
        "china": china,
        "partners": partners,
        "links": links,
        "lines": len(lines),
        "kinds": kinds,
        "duplicate_links_merged": duplicate_links,
        "duplicate_headers_merged": duplicate_headers,
    }


def partner_label(key):
    """`Label, Location, ..., Country` for a partner key."""
    label, location = key
    return ", ".join((label,) + location)


def read_and_parse(path):
    with open(path, encoding="utf-8") as f:
        return parse_list(f.read())


def parse_info(parsed):
    """The sizes to compare with twinnet's parse."""
    return {
        "chinese_entries": len(parsed["china"]),
        "partners": len(parsed["partners"]),
        "links": len(parsed["links"]),
        "lines": parsed["lines"],
        "line_kinds": parsed["kinds"],
        "duplicate_links_merged": parsed["duplicate_links_merged"],
        "duplicate_headers_merged": parsed["duplicate_headers_merged"],
    }


# ---------------------------------------------------------------------------------------------
# Worker: one (library, stage) in this process
# ---------------------------------------------------------------------------------------------
#
# Node numbering is the same for both libraries: Chinese entries 0..nc-1, then partners
# nc..nc+np-1 (each in order of first appearance in the list).

def rss_mb():
    """Current resident set size of this process, in MB (from /proc/self/statm)."""
    try:
        with open("/proc/self/statm") as f:
            pages = int(f.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError):
        return None


def peak_rss_mb():
    """Peak resident set size of this process (Linux reports ru_maxrss in kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def top_values(values, labels, k=5):
    """The k largest values with their labels, largest first."""
    order = sorted(range(len(values)), key=lambda i: -values[i])[:k]
    return [[labels[i], values[i]] for i in order]


def node_labels(parsed):
    return list(parsed["china"]) + [partner_label(p) for p in parsed["partners"]]


def betweenness_info(values, labels, mode, pivots):
    return {
        "mode": mode,
        "pivots": pivots,
        "nodes": len(values),
        # unnormalised, each unordered pair counted once (igraph's convention, NetworkX with
        # normalized=False); with exact betweenness the sum is the same in both libraries
        "sum": sum(values),
        "max": max(values) if values else 0,
        "top5": top_values(values, labels),
    }


class IgraphStages:
    """The stages with python-igraph (C core)."""

    def __init__(self, args):
        import igraph
        import random
        self.ig = igraph
        self.random = random
        self.args = args
        # igraph draws from Python's `random` by default; say so explicitly
        igraph.set_random_number_generator(random)

    def version(self):
        return self.ig.__version__

    def build(self, parsed):
        nc, npart = len(parsed["china"]), len(parsed["partners"])
        g = self.ig.Graph(n=nc + npart, edges=[(c, nc + p) for c, p in parsed["links"]], directed=False)
        g.vs["type"] = [False] * nc + [True] * npart  # False: Chinese side, True: partners
        g.vs["label"] = node_labels(parsed)
        return g

    def project(self, g, side):
        # which=0: the vertices of type False (Chinese); 1: type True (partners).
        # multiplicity=True stores the number of shared partners in the edge attribute "weight".
        return g.bipartite_projection(types="type", multiplicity=True, which=0 if side == "china" else 1)

    def run(self, stage, path, begin):
        if stage == "parse_build":
            begin()
            t0 = time.perf_counter()
            parsed = read_and_parse(path)
            t1 = time.perf_counter()
            g = self.build(parsed)
            t2 = time.perf_counter()
            info = parse_info(parsed)
            info.update(parse_seconds=t1 - t0, build_seconds=t2 - t1, nodes=g.vcount(), edges=g.ecount())
            return t2 - t0, info
        parsed = read_and_parse(path)
        g = self.build(parsed)
        if stage in ("project_china", "project_partner"):
            side = stage.split("_")[1]
            begin()
            t0 = time.perf_counter()
            p = self.project(g, side)
            t = time.perf_counter() - t0
            w = p.es["weight"] if p.ecount() else []
            return t, {"nodes": p.vcount(), "edges": p.ecount(), "total_weight": sum(w), "max_weight": max(w, default=0)}
        if stage == "louvain_china":
            p = self.project(g, "china")
            begin()
            return louvain_runs(self.args, lambda seed: self.louvain(p, seed), p.vcount(), p.ecount())
        if stage == "betweenness":
            labels = g.vs["label"]
            exact = g.ecount() <= EXACT_BETWEENNESS_MAX_LINKS
            begin()
            t0 = time.perf_counter()
            # igraph has no pivot sampling: exact always (above the limit it may time out)
            values = g.betweenness(directed=False)
            t = time.perf_counter() - t0
            mode = "exact" if exact else "exact (above the sampling limit: igraph cannot sample pivots)"
            return t, betweenness_info(values, labels, mode, g.vcount())
        raise ValueError(stage)

    def louvain(self, p, seed):
        self.random.seed(seed)
        t0 = time.perf_counter()
        cl = p.community_multilevel(weights="weight", resolution=1)
        t = time.perf_counter() - t0
        q = p.modularity(cl.membership, weights="weight", resolution=1)
        sizes = [len(c) for c in cl]
        return t, q, sizes


class NetworkxStages:
    """The stages with NetworkX (pure Python)."""

    def __init__(self, args):
        import networkx
        import random
        from networkx.algorithms import bipartite, community
        self.nx = networkx
        self.bipartite = bipartite
        self.community = community
        self.random = random
        self.args = args

    def version(self):
        return self.nx.__version__

    def build(self, parsed):
        nc = len(parsed["china"])
        g = self.nx.Graph()
        # bipartite=0: Chinese side, 1: partners (NetworkX's convention for the node attribute)
        g.add_nodes_from((i, {"bipartite": 0, "label": name}) for i, name in enumerate(parsed["china"]))
        g.add_nodes_from((nc + i, {"bipartite": 1, "label": partner_label(key)}) for i, key in enumerate(parsed["partners"]))
        g.add_edges_from((c, nc + p) for c, p in parsed["links"])
        return g, nc

    def project(self, g, nc, side):
        nodes = range(nc) if side == "china" else range(nc, g.number_of_nodes())
        # weight = number of shared neighbours
        return self.bipartite.weighted_projected_graph(g, nodes)

    def run(self, stage, path, begin):
        if stage == "parse_build":
            begin()
            t0 = time.perf_counter()
            parsed = read_and_parse(path)
            t1 = time.perf_counter()
            g, _ = self.build(parsed)
            t2 = time.perf_counter()
            info = parse_info(parsed)
            info.update(parse_seconds=t1 - t0, build_seconds=t2 - t1, nodes=g.number_of_nodes(), edges=g.number_of_edges())
            return t2 - t0, info
        parsed = read_and_parse(path)
        g, nc = self.build(parsed)
        if stage in ("project_china", "project_partner"):
            side = stage.split("_")[1]
            begin()
            t0 = time.perf_counter()
            p = self.project(g, nc, side)
            t = time.perf_counter() - t0
            w = [d for _, _, d in p.edges(data="weight")]
            return t, {"nodes": p.number_of_nodes(), "edges": p.number_of_edges(), "total_weight": sum(w), "max_weight": max(w, default=0)}
        if stage == "louvain_china":
            p = self.project(g, nc, "china")
            begin()
            return louvain_runs(self.args, lambda seed: self.louvain(p, seed), p.number_of_nodes(), p.number_of_edges())
        if stage == "betweenness":
            labels = [g.nodes[i]["label"] for i in range(g.number_of_nodes())]
            exact = g.number_of_edges() <= EXACT_BETWEENNESS_MAX_LINKS
            begin()
            t0 = time.perf_counter()
            if exact:
                bc = self.nx.betweenness_centrality(g, normalized=False)
            else:
                # sampled pivots; unnormalised values are scaled by n/k, i.e. estimates of the exact ones
                bc = self.nx.betweenness_centrality(g, k=BETWEENNESS_PIVOTS, normalized=False, seed=self.args.seed)
            t = time.perf_counter() - t0
            values = [bc[i] for i in range(g.number_of_nodes())]
            mode = "exact" if exact else "sampled"
            return t, betweenness_info(values, labels, mode, g.number_of_nodes() if exact else BETWEENNESS_PIVOTS)
        raise ValueError(stage)

    def louvain(self, p, seed):
        self.random.seed(seed)
        t0 = time.perf_counter()
        comms = self.community.louvain_communities(p, weight="weight", resolution=1, seed=seed)
        t = time.perf_counter() - t0
        q = self.community.modularity(p, comms, weight="weight", resolution=1)
        sizes = [len(c) for c in comms]
        return t, q, sizes


def louvain_runs(args, one_run, nodes, edges):
    """Runs Louvain once per seed; returns (total seconds, info with per-run times, Q, communities)."""
    seeds = list(range(args.seed, args.seed + args.runs))
    seconds, qs, counts, nontrivial = [], [], [], []
    for s in seeds:
        t, q, sizes = one_run(s)
        seconds.append(t)
        qs.append(q)
        counts.append(len(sizes))
        nontrivial.append(sum(1 for n in sizes if n >= 2))
    best = max(range(len(qs)), key=lambda i: qs[i])
    return sum(seconds), {
        "nodes": nodes,
        "edges": edges,
        "seeds": seeds,
        "seconds_per_run": seconds,
        "modularity_per_run": qs,
        "communities_per_run": counts,  # singletons (isolated nodes) included
        "communities_size_ge2_per_run": nontrivial,
        "best_modularity": qs[best],
        "best_seed": seeds[best],
    }


def worker(lib, stage, path, args):
    """Runs one stage of one library; prints BEGIN, then RESULT {json}."""
    stages = IgraphStages(args) if lib == "igraph" else NetworkxStages(args)
    rss_begin = []

    def begin():
        rss_begin.append(rss_mb())
        sys.stdout.write("BEGIN\n")
        sys.stdout.flush()

    seconds, info = stages.run(stage, path, begin)
    result = {
        "seconds": seconds,
        "peak_rss_mb": peak_rss_mb(),
        "rss_at_begin_mb": rss_begin[0] if rss_begin else None,
        "version": stages.version(),
        "info": info,
    }
    sys.stdout.write("RESULT " + json.dumps(result, ensure_ascii=False) + "\n")
    sys.stdout.flush()


# ---------------------------------------------------------------------------------------------
# Parent: runs the workers with timeouts, collects one JSON object
# ---------------------------------------------------------------------------------------------

def run_stage(lib, stage, path, args):
    """Runs one worker; returns its result, or {"skipped": ...} / {"error": ...}."""
    cmd = [sys.executable, os.path.abspath(__file__), "--worker", lib, stage, path,
           "--seed", str(args.seed), "--runs", str(args.runs)]
    load_before = os.getloadavg()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")
    lines = queue.Queue()

    def pump():  # stdout lines to the queue; None at end of output
        for line in proc.stdout:
            lines.put(line.rstrip("\n"))
        lines.put(None)

    errors = []

    def pump_err():  # keep the last lines of stderr for error reports
        for line in proc.stderr:
            errors.append(line)
            del errors[:-20]

    threading.Thread(target=pump, daemon=True).start()
    threading.Thread(target=pump_err, daemon=True).start()
    started = time.monotonic()
    deadline = started + args.prereq_timeout
    began = None
    result = None
    while True:
        try:
            line = lines.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            proc.kill()
            proc.wait()
            if began is None:
                return {"skipped": f"prerequisites took longer than {args.prereq_timeout:g} s"}
            return {"skipped": f"timeout after {args.timeout:g} s", "prerequisite_seconds": began - started,
                    "load_average_before": load_before}
        if line is None:
            break
        if line == "BEGIN":
            began = time.monotonic()
            deadline = began + args.timeout
        elif line.startswith("RESULT "):
            result = json.loads(line[len("RESULT "):])
    proc.wait()
    if result is None or proc.returncode != 0:
        return {"error": f"worker exited with code {proc.returncode}", "stderr": "".join(errors)[-2000:]}
    result["prerequisite_seconds"] = began - started if began is not None else None
    result["load_average_before"] = load_before
    return result


def machine_info(note):
    """The machine: cores, memory, CPU, Python, OS, load average."""
    info = {"nproc": len(os.sched_getaffinity(0)), "cpu_count": os.cpu_count()}
    try:
        with open("/proc/meminfo") as f:
            kb = int(re.search(r"MemTotal:\s+(\d+)", f.read()).group(1))
        info["memory_gb"] = round(kb / 2**20, 1)
    except (OSError, AttributeError):
        info["memory_gb"] = None
    try:
        with open("/proc/cpuinfo") as f:
            m = re.search(r"model name\s*:\s*(.*)", f.read())
        info["cpu"] = m.group(1).strip() if m else platform.processor()
    except OSError:
        info["cpu"] = platform.processor()
    info["python"] = platform.python_version()
    info["python_executable"] = sys.executable
    info["os"] = f"{platform.system()} {platform.release()}"
    info["load_average_at_start"] = os.getloadavg()
    if note:
        info["note"] = note
    return info


def file_info(path):
    with open(path, "rb") as f:
        data = f.read()
    return {"path": path, "bytes": len(data), "sha256": hashlib.sha256(data).hexdigest(),
            "lines": len(LINE_BREAK.split(data.decode("utf-8").rstrip("\r\n")))}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("file", nargs="?")
    ap.add_argument("--networkx", action="store_true", help="run the NetworkX stages")
    ap.add_argument("--igraph", action="store_true", help="run the python-igraph stages")
    ap.add_argument("--timeout", type=float, default=600, help="seconds per stage (default 600)")
    ap.add_argument("--prereq-timeout", type=float, default=1800,
                    help="seconds for a stage's untimed prerequisites (default 1800)")
    ap.add_argument("--seed", type=int, default=42, help="first Louvain seed, betweenness pivot seed (default 42)")
    ap.add_argument("--runs", type=int, default=1, help="Louvain runs, seeds seed..seed+runs-1 (default 1)")
    ap.add_argument("--stages", default=",".join(STAGES),
                    help="stages to run, comma-separated; LIB:STAGE restricts one to a library "
                         "(e.g. networkx:parse_build); default all")
    ap.add_argument("--skip", action="append", default=[], metavar="LIB:STAGE=REASON",
                    help="do not run STAGE with LIB; REASON goes into the JSON (repeatable)")
    ap.add_argument("--expect", help="CHINESE,PARTNERS,LINKS twinnet finds, to check the counts against")
    ap.add_argument("--note", help="free text stored in the machine description (e.g. 'shared machine')")
    ap.add_argument("--worker", nargs=3, metavar=("LIB", "STAGE", "FILE"), help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.worker:
        lib, stage, path = args.worker
        worker(lib, stage, path, args)
        return
    if not args.file:
        ap.error("LIST_FILE is required")
    path = os.path.abspath(args.file)
    libs = [lib for lib in LIBRARIES if getattr(args, lib)] or LIBRARIES

    # which stages run for which library
    wanted = {lib: [] for lib in libs}
    for item in args.stages.split(","):
        item = item.strip()
        lib, _, stage = item.rpartition(":")
        if stage not in STAGES or (lib and lib not in LIBRARIES):
            ap.error(f"unknown stage {item!r} (stages: {', '.join(STAGES)})")
        for name in ([lib] if lib else libs):
            if name in wanted and stage not in wanted[name]:
                wanted[name].append(stage)

    # stages left out on purpose, with the reason to report
    skipped = {}
    for item in args.skip:
        target, _, reason = item.partition("=")
        lib, _, stage = target.partition(":")
        if lib not in LIBRARIES or stage not in STAGES:
            ap.error(f"--skip wants LIB:STAGE=REASON, got {item!r}")
        skipped[(lib, stage)] = reason or "skipped on request (--skip)"

    out = {
        "tool": "bench/reference/reference.py",
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "file": file_info(path),
        "machine": machine_info(args.note),
        "options": {"timeout_seconds": args.timeout, "prerequisite_timeout_seconds": args.prereq_timeout,
                    "seed": args.seed, "louvain_runs": args.runs,
                    "exact_betweenness_max_links": EXACT_BETWEENNESS_MAX_LINKS,
                    "betweenness_pivots_networkx": BETWEENNESS_PIVOTS},
        "method": "each (library, stage) in a fresh python process; prerequisites untimed; "
                  "seconds = time.perf_counter() around the stage; peak_rss_mb = ru_maxrss of that "
                  "process (prerequisites included); rss_at_begin_mb = resident set when the stage began",
    }
    for lib in libs:
        section = {"version": None, "stages": {}}
        for stage in STAGES:
            if (lib, stage) in skipped:
                section["stages"][stage] = {"skipped": skipped[(lib, stage)]}
                continue
            if stage not in wanted[lib]:
                section["stages"][stage] = {"skipped": "not run (not asked for with --stages)"}
                continue
            print(f"reference: {lib} {stage} {os.path.basename(path)} ...", file=sys.stderr, flush=True)
            r = run_stage(lib, stage, path, args)
            section["version"] = r.pop("version", None) or section["version"]
            section["stages"][stage] = r
            shown = f"{r['seconds']:.3f} s, peak {r['peak_rss_mb']:.0f} MB" if "seconds" in r else json.dumps(r)[:200]
            print(f"reference: {lib} {stage}: {shown}", file=sys.stderr, flush=True)
        out[lib] = section

    # counts check against twinnet's (when given) and between the two libraries' parses
    if args.expect:
        c, p, n = (int(x) for x in args.expect.split(","))
        check = {"twinnet": {"chinese_entries": c, "partners": p, "links": n}}
        for lib in libs:
            info = out[lib]["stages"]["parse_build"].get("info")
            if info:
                got = {k: info[k] for k in ("chinese_entries", "partners", "links")}
                check[lib] = got
                check[lib + "_matches"] = got == check["twinnet"]
        out["counts_check"] = check
    out["machine"]["load_average_at_end"] = os.getloadavg()
    print(json.dumps(out, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
