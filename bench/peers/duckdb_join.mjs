// DuckDB's inner equi-join on the keys of bench/engine/join_bench.cc, for the
// side-by-side join table of bench/run_compare.py.
//
//   node duckdb_join.mjs [--sizes 1000000,10000000] [--runs 5] [--threads 2]
//                        [--cases unique_shuffled,dup3_shuffled,unique_sorted,dup3_sorted]
//
// Each side holds N BIGINT keys (i or i / 3 for dup3) * 2654435761, i in
// [0, N), shuffled (ORDER BY a hash of i, a different seed per side) or in key
// order, stored as in-memory tables before the clock starts. Only the join
// query is timed: SELECT count(*) of the inner join. Prints one JSON object
// per case and size on stdout with every run's seconds, the median, and the
// median CPU seconds (user + system, all threads). The default case is
// unique_shuffled.
import { DuckDBInstance } from '@duckdb/node-api';

const kMultiplier = 2654435761n;

function ParseArgs(argv) {
  const args = { sizes: [1000000, 10000000], runs: 5, threads: '2', cases: ['unique_shuffled'] };
  for (let i = 0; i < argv.length; i += 2) {
    const [key, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`${key} needs a value`);
    if (key === '--sizes') args.sizes = value.split(',').map(Number);
    else if (key === '--runs') args.runs = Number(value);
    else if (key === '--threads') args.threads = value;
    else if (key === '--cases') args.cases = value.split(',');
    else throw new Error(`unknown argument '${key}'`);
  }
  if (args.sizes.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error('bad --sizes');
  if (!Number.isInteger(args.runs) || args.runs <= 0) throw new Error('bad --runs');
  const known = ['unique_shuffled', 'dup3_shuffled', 'unique_sorted', 'dup3_sorted'];
  if (args.cases.some((c) => !known.includes(c))) throw new Error(`bad --cases; known: ${known}`);
  return args;
}

function Median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

async function MakeKeys(conn, table, n, seed, dup3, shuffled) {
  const key = dup3 ? `(i // 3) * ${kMultiplier}` : `i * ${kMultiplier}`;
  const order = shuffled ? `hash(i + ${seed})` : 'i';
  await conn.run(`CREATE OR REPLACE TABLE ${table} AS
      SELECT ${key} AS k FROM range(${n}) t(i) ORDER BY ${order}`);
}

// Matching pairs: N for unique keys; 9 per full group of 3 for dup3.
function ExpectedMatches(n, dup3) {
  return dup3 ? Math.floor(n / 3) * 9 + (n % 3) * (n % 3) : n;
}

async function TimeJoin(conn, n, runs, name) {
  const dup3 = name.startsWith('dup3');
  const shuffled = name.endsWith('shuffled');
  await MakeKeys(conn, 'l', n, 1, dup3, shuffled);
  await MakeKeys(conn, 'r', n, 2 * n + 7, dup3, shuffled);
  const sql = 'SELECT count(*) AS n FROM l JOIN r ON l.k = r.k';
  await conn.runAndReadAll(sql);  // warm-up: first-query planning and allocation
  const seconds = [];
  const cpu = [];  // user + system seconds of the process (all DuckDB threads): robust to load
  for (let run = 0; run < runs; ++run) {
    const start = process.hrtime.bigint();
    const cpuStart = process.cpuUsage();
    const result = await conn.runAndReadAll(sql);
    seconds.push(Number(process.hrtime.bigint() - start) / 1e9);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1e6);
    const matches = Number(result.getRowObjects()[0].n);
    const expected = ExpectedMatches(n, dup3);
    if (matches !== expected) throw new Error(`${name} join of ${n} keys found ${matches} matches`);
  }
  return { seconds, median: Median(seconds), cpu_median: Median(cpu),
           matches: ExpectedMatches(n, dup3) };
}

async function Main() {
  const args = ParseArgs(process.argv.slice(2));
  const instance = await DuckDBInstance.create(':memory:', { threads: args.threads });
  const conn = await instance.connect();
  const version = (await conn.runAndReadAll('SELECT version() AS v')).getRowObjects()[0].v;
  for (const name of args.cases) {
    for (const n of args.sizes) {
      const { seconds, median, cpu_median, matches } = await TimeJoin(conn, n, args.runs, name);
      process.stdout.write(JSON.stringify({
        engine: 'duckdb', version, threads: Number(args.threads), case: `int64_${name}_count`,
        keys: n, matches, runs: seconds, median_seconds: median, median_cpu_seconds: cpu_median,
        rows_per_second: (2 * n) / median,
      }) + '\n');
    }
  }
  conn.closeSync();
}

Main().catch((err) => {
  process.stderr.write(`duckdb_join: ${err.message}\n`);
  process.exit(1);
});
