// DuckDB's read_json on the STEDI landing folders: the peer of ingest_bench.
//
//   node duckdb_read_json.mjs --landing DIR [--threads 1,2] [--runs 5]
//
// For each thread count, reads the three landing folders of a stedi-gen
// output (DIR/<source>/landing/*.json) with read_json, newline-delimited, and
// the same declared types as stedi (stedi/sources.cc), each into an in-memory
// table (CREATE OR REPLACE TABLE ... AS). One warm-up pass (page cache, first
// query planning), then --runs timed passes; only the three queries are
// timed. Prints one JSON object per thread count on stdout: the seconds of
// every pass, the median, MB/s of landing JSON (bytes / median seconds), and
// MB per CPU-second (process user + system time, all DuckDB threads), the
// same measures as bench/ingest/ingest_bench.cc.
import { DuckDBInstance } from '@duckdb/node-api';
import fs from 'node:fs';
import path from 'node:path';

function ParseArgs(argv) {
  const args = { threads: [1, 2], runs: 5 };
  for (let i = 0; i < argv.length; i += 2) {
    const [key, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`${key} needs a value`);
    if (key === '--landing') args.landing = value;
    else if (key === '--threads') args.threads = value.split(',').map(Number);
    else if (key === '--runs') args.runs = Number(value);
    else throw new Error(`unknown argument '${key}'`);
  }
  if (!args.landing) throw new Error('--landing DIR is required');
  if (args.threads.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error('bad --threads');
  if (!Number.isInteger(args.runs) || args.runs <= 0) throw new Error('bad --runs');
  return args;
}

const Quote = (s) => `'${s.replaceAll("'", "''")}'`;

// Same declared types as stedi/sources.cc: epoch milliseconds stay BIGINT.
const kSources = [
  ['customer_landing', 'customer/landing',
    `{customerName: 'VARCHAR', email: 'VARCHAR', phone: 'VARCHAR', birthDay: 'VARCHAR',
      serialNumber: 'VARCHAR', registrationDate: 'BIGINT', lastUpdateDate: 'BIGINT',
      shareWithResearchAsOfDate: 'BIGINT', shareWithPublicAsOfDate: 'BIGINT',
      shareWithFriendsAsOfDate: 'BIGINT'}`],
  ['accelerometer_landing', 'accelerometer/landing',
    `{user: 'VARCHAR', timestamp: 'BIGINT', x: 'DOUBLE', y: 'DOUBLE', z: 'DOUBLE'}`],
  ['step_trainer_landing', 'step_trainer/landing',
    `{sensorReadingTime: 'BIGINT', serialNumber: 'VARCHAR', distanceFromObject: 'INTEGER'}`],
];

// Bytes of the landing JSON files, as ingest_bench counts them.
function LandingBytes(landing) {
  let bytes = 0;
  for (const [, dir] of kSources) {
    const full = path.join(landing, dir);
    for (const name of fs.readdirSync(full)) {
      if (name.endsWith('.json')) bytes += fs.statSync(path.join(full, name)).size;
    }
  }
  return bytes;
}

function Median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

// One pass: the three CREATE TABLE AS queries. Returns wall and CPU seconds.
async function Pass(conn, landing) {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  for (const [table, dir, columns] of kSources) {
    const glob = path.join(landing, dir, '*.json');
    await conn.run(`CREATE OR REPLACE TABLE ${table} AS SELECT * FROM read_json(${Quote(glob)},
        format = 'newline_delimited', columns = ${columns})`);
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const used = process.cpuUsage(cpu);
  return { seconds, cpu_seconds: (used.user + used.system) / 1e6 };
}

async function Run(args, threads, bytes) {
  const instance = await DuckDBInstance.create(':memory:', { threads: String(threads) });
  const conn = await instance.connect();
  const version = (await conn.runAndReadAll('SELECT version() AS v')).getRowObjects()[0].v;
  await Pass(conn, args.landing);  // warm-up
  const passes = [];
  for (let r = 0; r < args.runs; ++r) passes.push(await Pass(conn, args.landing));
  let rows = 0;
  for (const [table] of kSources) {
    const result = await conn.runAndReadAll(`SELECT count(*) AS n FROM ${table}`);
    rows += Number(result.getRowObjects()[0].n);
  }
  conn.closeSync();
  const seconds = passes.map((p) => p.seconds);
  const median = Median(seconds);
  const cpu = passes.reduce((a, p) => a + p.cpu_seconds, 0);
  const wall = seconds.reduce((a, s) => a + s, 0);
  return {
    engine: 'duckdb', version, threads, bytes, rows, seconds, median_seconds: median,
    mb_per_s: bytes / 1e6 / median, mb_per_cpu_s: (bytes * passes.length) / 1e6 / cpu,
    cpu_per_wall: cpu / wall,
  };
}

async function Main() {
  const args = ParseArgs(process.argv.slice(2));
  const bytes = LandingBytes(args.landing);
  for (const threads of args.threads) {
    process.stdout.write(JSON.stringify(await Run(args, threads, bytes)) + '\n');
  }
}

Main().catch((err) => {
  process.stderr.write(`duckdb_read_json: ${err.message}\n`);
  process.exit(1);
});
