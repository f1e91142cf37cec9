// Benchmarks run in the local stack's database (pg_cron lives only there), on workspaces they
// create and remove again. pg_cron's jobs are paused meanwhile so they cannot touch the figures.
import postgres from "postgres";
import { dbUrl, stackConfig } from "../lib/config.ts";
import { isRunning } from "../lib/postgres.ts";

export interface BenchDb {
  sql: postgres.Sql;
  done: (cleanup: string) => Promise<void>;
}

export async function benchDatabase(): Promise<BenchDb> {
  const config = stackConfig();
  if (!isRunning(config)) throw new Error("the local stack is not running: npm run dev");
  const sql = postgres(dbUrl(config), { max: 4, onnotice: () => {} });
  const paused = await sql`
    select jobid from cron.job where active`;
  for (const { jobid } of paused) await sql`select cron.alter_job(${jobid}, active => false)`;
  return {
    sql,
    done: async (cleanup: string) => {
      try {
        await sql.unsafe(cleanup);
      } finally {
        for (const { jobid } of paused) await sql`select cron.alter_job(${jobid}, active => true)`;
        await sql.end();
      }
    },
  };
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export const fmt = (n: number, digits = 1) => n.toLocaleString("en-US", { maximumFractionDigits: digits });

/** A text command-line option: `--name VALUE`, or the default. */
export function argText(args: string[], name: string, dflt: string): string {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
}

/** A numeric command-line option: `--name N`, or the default. */
export function arg(args: string[], name: string, dflt: number): number {
  return Number(argText(args, name, String(dflt)));
}
