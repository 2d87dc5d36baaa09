#!/usr/bin/env python3
"""Side-by-side benchmark: stedi-build-zones against DuckDB's same eight-table build.

    python3 bench/run_compare.py [--build DIR] [--scales 1,10,30] [--real DIR] [--runs N]

For each scale it generates landing data with stedi-gen (seed 42, reused when
already there), then runs stedi-build-zones and bench/peers/duckdb_zones.mjs
alternately (one untimed warm-up each, then N timed rounds, the first engine
swapping every round) and prints a Markdown table: median wall time of the
whole process, peak RSS (wait4), bytes on disk of each lake, and the ratios,
checked against the targets of docs/BENCHMARKS.md. It then compares the join
alone: join_bench's sort-merge count against DuckDB's hash join on the same
keys. Row counts must agree between the engines or the script fails.

Needs a Release build (scripts/build.sh). The DuckDB side needs node and npm;
without them it is skipped with a message. Python standard library only.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PEERS = ROOT / "bench" / "peers"
SEED = 42
JOIN_SIZES = (("1M", 1_000_000), ("10M", 10_000_000))


def Fail(message):
    sys.exit(f"run_compare: {message}")


def Run(argv, cwd=None):
    """Runs argv to completion: (wall s, peak RSS bytes, user+system CPU s, stdout text)."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.PIPE, stderr=err)
        # communicate() would reap the child and lose its rusage: read, then wait4.
        out = proc.stdout.read()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.stdout.close()
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            err.seek(0)
            Fail(f"{' '.join(map(str, argv))} exited with {proc.returncode}:\n"
                 f"{err.read().decode(errors='replace')}")
    return seconds, usage.ru_maxrss * 1024, usage.ru_utime + usage.ru_stime, out.decode()


def DirBytes(path):
    return sum(f.stat().st_size for f in Path(path).rglob("*") if f.is_file())


def LandingBytes(landing):
    """JSON bytes of the three landing folders (not manifests or READMEs beside them)."""
    return sum(f.stat().st_size for f in Path(landing).glob("*/landing/*") if f.is_file())


def DuckDBAvailable():
    """Installs the pinned peer on demand; False (with a message) when impossible."""
    if not shutil.which("node") or not shutil.which("npm"):
        print("run_compare: node/npm not found; skipping the DuckDB side", file=sys.stderr)
        return False
    if (PEERS / "node_modules" / "@duckdb" / "node-api").is_dir():
        return True
    install = ["npm", "ci"] if (PEERS / "package-lock.json").exists() else ["npm", "install"]
    print(f"run_compare: {' '.join(install)} in {PEERS}", file=sys.stderr)
    done = subprocess.run(install + ["--no-audit", "--no-fund"], cwd=PEERS)
    if done.returncode != 0:
        print("run_compare: npm failed; skipping the DuckDB side", file=sys.stderr)
        return False
    return True


def Landing(args, scale):
    """The landing folder for a scale: generated once, reused when the manifest matches."""
    if scale == "real":
        return Path(args.real)
    out = Path(args.work) / f"scale-{scale}"
    manifest = out / "stedi-gen.json"
    if manifest.exists():
        m = json.loads(manifest.read_text())
        if m.get("scale") == int(scale) and m.get("seed") == SEED:
            return out
    out.mkdir(parents=True, exist_ok=True)
    gen = Path(args.build) / "bin" / "stedi-gen"
    Run([gen, "--out", out, "--scale", scale, "--seed", str(SEED), "--force", "--quiet"])
    return out


def RunStedi(args, landing, lake):
    shutil.rmtree(lake, ignore_errors=True)
    exe = Path(args.build) / "bin" / "stedi-build-zones"
    wall, rss, cpu, out = Run([exe, "--landing", landing, "--lake", lake, "--threads",
                          str(args.threads), "--json", "--quiet", "--check"])
    report = json.loads(out)
    rows = {t["name"]: t["rows"] for t in report["tables"]}
    return {"wall": wall, "rss": rss, "cpu": cpu, "inner": report["seconds"],
            "bytes": DirBytes(lake),
            "rows": rows}


def RunDuckDB(args, landing, out_dir):
    shutil.rmtree(out_dir, ignore_errors=True)
    wall, rss, cpu, out = Run(["node", PEERS / "duckdb_zones.mjs", "--landing", landing, "--out",
                          out_dir, "--threads", str(args.threads), "--order", args.duckdb_order])
    report = json.loads(out)
    return {"wall": wall, "rss": rss, "cpu": cpu, "inner": report["seconds"],
            "bytes": DirBytes(out_dir),
            "rows": report["tables"], "version": report["version"]}


def Summarize(runs):
    walls = [r["wall"] for r in runs]
    return {"wall_median": statistics.median(walls), "wall_min": min(walls),
            "wall_max": max(walls), "inner_median": statistics.median(r["inner"] for r in runs),
            "cpu_median": statistics.median(r["cpu"] for r in runs),
            "rss_max": max(r["rss"] for r in runs), "bytes": runs[-1]["bytes"],
            "rows": runs[-1]["rows"], "runs": [{k: r[k] for k in ("wall", "rss", "cpu", "inner")}
                                               for r in runs]}


def CompareScale(args, scale, with_duckdb):
    landing = Landing(args, scale)
    work = Path(args.work)
    load_before = os.getloadavg()[0]
    engines = {"stedi": lambda: RunStedi(args, landing, work / "lake-stedi")}
    if with_duckdb:
        engines["duckdb"] = lambda: RunDuckDB(args, landing, work / "lake-duckdb")
    for run in engines.values():
        run()  # warm-up: page cache, first-run allocations, node module load
    runs = {name: [] for name in engines}
    order = list(engines)
    for _ in range(args.runs):
        for name in order:
            runs[name].append(engines[name]())
        order.reverse()
    result = {name: Summarize(r) for name, r in runs.items()}
    if with_duckdb:
        result["duckdb"]["version"] = runs["duckdb"][0]["version"]
        if result["stedi"]["rows"] != result["duckdb"]["rows"]:
            Fail(f"scale {scale}: row counts differ\n stedi  {result['stedi']['rows']}\n"
                 f" duckdb {result['duckdb']['rows']}")
    result["landing_bytes"] = LandingBytes(landing)
    result["load_before"], result["load_after"] = load_before, os.getloadavg()[0]
    return result


def Mib(b):
    return f"{b / 2**20:.1f}"


def ScaleTable(scale, r):
    lines = [f"### Scale {scale} ({Mib(r['landing_bytes'])} MiB of landing JSON, "
             f"{sum(r['stedi']['rows'].values()):,} rows in the lake; 1-min load average "
             f"{r['load_before']:.2f} before, {r['load_after']:.2f} after)", "",
             "| engine | wall median (s) | wall min-max (s) | in-process median (s) "
             "| CPU median (s) | peak RSS (MiB) | lake on disk (bytes) |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for name, s in ((n, r[n]) for n in ("stedi", "duckdb") if n in r):
        label = f"DuckDB {s['version']}" if name == "duckdb" else "stedi"
        lines.append(f"| {label} | {s['wall_median']:.3f} | {s['wall_min']:.3f}-"
                     f"{s['wall_max']:.3f} | {s['inner_median']:.3f} | {s['cpu_median']:.2f} "
                     f"| {Mib(s['rss_max'])} "
                     f"| {s['bytes']:,} |")
    if "duckdb" in r:
        st, dk = r["stedi"], r["duckdb"]
        lines.append(f"| **ratio** | **{dk['wall_median'] / st['wall_median']:.2f}x speedup** "
                     f"| | {dk['inner_median'] / st['inner_median']:.2f}x "
                     f"| {dk['cpu_median'] / st['cpu_median']:.2f}x "
                     f"| **{st['rss_max'] / dk['rss_max']:.2f}x of DuckDB** "
                     f"| **{st['bytes'] / dk['bytes']:.2f}x of DuckDB** |")
    return "\n".join(lines) + "\n"


def Verdict(ok, what, value, target):
    return f"- {what}: {value} (target {target}): {'met' if ok else 'MISSED'}"


def TargetLines(results):
    lines = []
    for scale, r in results.items():
        if "duckdb" not in r:
            continue
        st, dk = r["stedi"], r["duckdb"]
        speed = dk["wall_median"] / st["wall_median"]
        mem = st["rss_max"] / dk["rss_max"]
        size = st["bytes"] / dk["bytes"]
        if scale == "30":
            lines.append(Verdict(speed >= 8, "scale 30 speed", f"{speed:.2f}x", ">= 8x"))
            lines.append(Verdict(mem <= 0.5, "scale 30 peak RSS", f"{mem:.3f}x", "<= 0.5x"))
        if scale == "1":
            lines.append(Verdict(speed >= 10, "scale 1 speed (whole processes)",
                                 f"{speed:.2f}x", ">= 10x"))
        lines.append(Verdict(size <= 0.5, f"scale {scale} lake size", f"{size:.3f}x", "<= 0.5x"))
    return "\n".join(lines) + "\n" if lines else ""


def OurJoin(args):
    exe = Path(args.build) / "bench" / "engine" / "join_bench"
    if not exe.exists():
        print(f"run_compare: no {exe}; skipping stedi's join", file=sys.stderr)
        return {}
    pattern = "^BM_SortMergeJoin/unique_shuffled_count/(1M|10M)/threads:2/"
    _, _, _, out = Run([exe, f"--benchmark_filter={pattern}", "--benchmark_format=json",
                     f"--benchmark_repetitions={args.join_runs}",
                     "--benchmark_report_aggregates_only=true"])
    medians = {}
    for b in json.loads(out)["benchmarks"]:
        if b.get("aggregate_name") == "median":
            scale = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}[b["time_unit"]]
            medians[b["run_name"].split("/")[2]] = b["real_time"] * scale
    return medians


def JoinTable(args, with_duckdb):
    ours = OurJoin(args)
    theirs = {}
    if with_duckdb:
        sizes = ",".join(str(n) for _, n in JOIN_SIZES)
        _, _, _, out = Run(["node", PEERS / "duckdb_join.mjs", "--sizes", sizes, "--runs",
                         str(args.join_runs), "--threads", "2"])
        for line in out.splitlines():
            j = json.loads(line)
            theirs[j["keys"]] = j["median_seconds"]
    lines = ["### Join alone: count of an inner join of N unique shuffled int64 keys per side, "
             "2 threads", "",
             "| keys per side | stedi sort-merge (ms) | DuckDB hash join (ms) | ratio |",
             "|---:|---:|---:|---:|"]
    for name, n in JOIN_SIZES:
        st, dk = ours.get(name), theirs.get(n)
        ratio = f"{dk / st:.2f}x faster" if st and dk else "-"
        fmt = lambda s: f"{s * 1e3:.1f}" if s else "-"
        lines.append(f"| {name} | {fmt(st)} | {fmt(dk)} | {ratio} |")
    return "\n".join(lines) + "\n", {"stedi": ours, "duckdb": theirs}


def ParseArgs():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--build", default=str(ROOT / "build"), help="build folder (default build/)")
    p.add_argument("--scales", default="1,10,30", help="stedi-gen scales, comma separated")
    p.add_argument("--real", help="also run on this landing folder (the real STEDI data)")
    p.add_argument("--runs", type=int, default=5, help="timed runs per engine and scale")
    p.add_argument("--threads", type=int, default=os.cpu_count(), help="threads for both")
    p.add_argument("--duckdb-order", default="clustered", choices=("clustered", "plain"),
                   help="clustered: DuckDB sorts the sensor tables as stedi does")
    p.add_argument("--work", help="data and lakes (default BUILD/compare)")
    p.add_argument("--no-duckdb", action="store_true", help="run stedi only")
    p.add_argument("--no-join", action="store_true", help="skip the join comparison")
    p.add_argument("--join-runs", type=int, default=5, help="repetitions of each join")
    p.add_argument("--json", help="also write all measurements to this file")
    args = p.parse_args()
    args.work = args.work or str(Path(args.build) / "compare")
    if args.runs < 1 or args.join_runs < 1 or args.threads < 1:
        Fail("--runs, --join-runs and --threads must be positive")
    for tool in ("stedi-gen", "stedi-build-zones"):
        if not (Path(args.build) / "bin" / tool).exists():
            Fail(f"no {args.build}/bin/{tool}; build first (scripts/build.sh) or pass --build")
    return args


def main():
    args = ParseArgs()
    with_duckdb = not args.no_duckdb and DuckDBAvailable()
    scales = [s for s in args.scales.split(",") if s] + (["real"] if args.real else [])
    results = {}
    for scale in scales:
        print(f"run_compare: scale {scale}, {args.runs} runs per engine", file=sys.stderr)
        results[scale] = CompareScale(args, scale, with_duckdb)
        print(ScaleTable(scale, results[scale]), flush=True)
    targets = TargetLines(results)
    if targets:
        print("### Targets\n\n" + targets)
    if not args.no_join:
        table, join = JoinTable(args, with_duckdb)
        print(table)
        results["join"] = join
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
