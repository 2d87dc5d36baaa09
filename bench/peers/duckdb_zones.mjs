// The STEDI eight-table lake build in DuckDB: the peer side of bench/compare.sh.
//
//   node duckdb_zones.mjs --landing DIR --out DIR [--threads N] [--order clustered|plain]
//
// Reads the three landing folders with read_json and the same declared types
// as stedi (stedi/sources.cc), builds the trusted and curated tables with the
// compat rules of stedi/zones.cc, and writes each of the eight tables to
// OUT/<table>.parquet (zstd). Prints one JSON object on stdout: DuckDB version,
// seconds, rows per table, bytes on disk.
//
// --order clustered (the default) sorts the sensor tables as stedi's writer
// does (user, timestamp / serialNumber, sensorReadingTime), so both engines
// do the same work and write the same row order; --order plain writes in
// whatever order the plan produces, as a typical DuckDB user would.
import { DuckDBInstance } from '@duckdb/node-api';
import fs from 'node:fs';
import path from 'node:path';

function ParseArgs(argv) {
  const args = { threads: '2', order: 'clustered' };
  for (let i = 0; i < argv.length; ++i) {
    const key = argv[i];
    const value = argv[i + 1];
    if (key === '--landing') args.landing = value;
    else if (key === '--out') args.out = value;
    else if (key === '--threads') args.threads = value;
    else if (key === '--order') args.order = value;
    else throw new Error(`unknown argument '${key}'`);
    ++i;
  }
  if (!args.landing || !args.out) throw new Error('--landing DIR and --out DIR are required');
  if (!['clustered', 'plain'].includes(args.order)) {
    throw new Error(`--order must be clustered or plain, not '${args.order}'`);
  }
  if (!/^[1-9][0-9]*$/.test(args.threads)) throw new Error('--threads must be a positive integer');
  return args;
}

const Quote = (s) => `'${s.replaceAll("'", "''")}'`;

// Same declared types as stedi/sources.cc: epoch milliseconds stay BIGINT.
const kSources = {
  customer_landing: {
    dir: 'customer/landing',
    columns: `{customerName: 'VARCHAR', email: 'VARCHAR', phone: 'VARCHAR', birthDay: 'VARCHAR',
      serialNumber: 'VARCHAR', registrationDate: 'BIGINT', lastUpdateDate: 'BIGINT',
      shareWithResearchAsOfDate: 'BIGINT', shareWithPublicAsOfDate: 'BIGINT',
      shareWithFriendsAsOfDate: 'BIGINT'}`,
    order: '',
  },
  accelerometer_landing: {
    dir: 'accelerometer/landing',
    columns: `{user: 'VARCHAR', timestamp: 'BIGINT', x: 'DOUBLE', y: 'DOUBLE', z: 'DOUBLE'}`,
    order: 'user, timestamp',
  },
  step_trainer_landing: {
    dir: 'step_trainer/landing',
    columns: `{sensorReadingTime: 'BIGINT', serialNumber: 'VARCHAR', distanceFromObject: 'INTEGER'}`,
    order: 'serialNumber, sensorReadingTime',
  },
};

// The compat zone rules, in dependency order (stedi/zones.cc).
const kDerived = [
  ['customer_trusted', 'SELECT * FROM customer_landing WHERE shareWithResearchAsOfDate IS NOT NULL', ''],
  ['accelerometer_trusted',
    'SELECT a.* FROM accelerometer_landing a SEMI JOIN customer_trusted c ON a.user = c.email',
    'user, timestamp'],
  ['customers_curated',
    'SELECT c.* FROM customer_trusted c SEMI JOIN accelerometer_trusted a ON c.email = a.user', ''],
  ['step_trainer_trusted',
    'SELECT s.* FROM step_trainer_landing s SEMI JOIN customers_curated c ' +
        'ON s.serialNumber = c.serialNumber',
    'serialNumber, sensorReadingTime'],
  ['machine_learning_curated',
    'SELECT s.*, a.* FROM step_trainer_trusted s JOIN accelerometer_trusted a ' +
        'ON s.sensorReadingTime = a.timestamp',
    'serialNumber, sensorReadingTime'],
];

const kTableOrder = [
  'customer_landing', 'accelerometer_landing', 'step_trainer_landing', 'customer_trusted',
  'accelerometer_trusted', 'customers_curated', 'step_trainer_trusted', 'machine_learning_curated',
];

async function Build(conn, args) {
  const clustered = args.order === 'clustered';
  const OrderBy = (order) => (clustered && order ? ` ORDER BY ${order}` : '');
  for (const [name, src] of Object.entries(kSources)) {
    const glob = path.join(args.landing, src.dir, '*.json');
    await conn.run(`CREATE TABLE ${name} AS SELECT * FROM read_json(${Quote(glob)},
        format = 'newline_delimited', columns = ${src.columns})${OrderBy(src.order)}`);
  }
  for (const [name, sql, order] of kDerived) {
    await conn.run(`CREATE TABLE ${name} AS ${sql}${OrderBy(order)}`);
  }
  const rows = {};
  let bytes = 0;
  for (const name of kTableOrder) {
    const file = path.join(args.out, `${name}.parquet`);
    await conn.run(`COPY ${name} TO ${Quote(file)} (FORMAT parquet, COMPRESSION zstd)`);
    const result = await conn.runAndReadAll(`SELECT count(*) AS n FROM ${name}`);
    rows[name] = Number(result.getRowObjects()[0].n);
    bytes += fs.statSync(file).size;
  }
  return { rows, bytes };
}

async function Main() {
  const args = ParseArgs(process.argv.slice(2));
  const start = process.hrtime.bigint();
  fs.mkdirSync(args.out, { recursive: true });
  // preserve_insertion_order stays on (the default): --order clustered relies on it.
  const instance = await DuckDBInstance.create(':memory:', { threads: args.threads });
  const conn = await instance.connect();
  const version = (await conn.runAndReadAll('SELECT version() AS v')).getRowObjects()[0].v;
  const { rows, bytes } = await Build(conn, args);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  conn.closeSync();
  process.stdout.write(JSON.stringify({
    engine: 'duckdb', version, threads: Number(args.threads), order: args.order, seconds, bytes,
    tables: rows,
  }) + '\n');
}

Main().catch((err) => {
  process.stderr.write(`duckdb_zones: ${err.message}\n`);
  process.exit(1);
});
