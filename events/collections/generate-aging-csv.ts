import { generateAgingFile } from '#simulators/collections/aging-file-generator';

/**
 * Writes a generated aging export to stdout (the generator: `shared/simulators/collections/aging-file-generator.ts`).
 * `npx tsx events/collections/generate-aging-csv.ts 1000 50 > carteira.csv`: 1,000 data rows, every 50th bad.
 * `aging-sample.csv` beside this file is `12 4`.
 */
const rows = Number(process.argv[2] ?? 1000);
const badEvery = Number(process.argv[3] ?? 50);
for (const line of generateAgingFile({ rows, badEvery }).lines) process.stdout.write(`${line}\r\n`);
