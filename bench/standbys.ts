// A streaming standby of the benchmark's PostgreSQL server (CI leaves one running:
// scripts/standby.sh) replays every write of a run on the same cores, and its sender and
// receiver take their share too: a run with one measured the floor a third slower and the
// product's shares off by up to ten points (bench/README.md). Said before the figures.
import pg from 'pg';

/** Prints a note when standbys stream from the server at `url`; returns how many do. */
export async function noteStreamingStandbys(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>('select count(*)::int as n from pg_stat_replication');
    const count = rows[0]?.n ?? 0;
    if (count > 0) {
      console.log(
        `note: ${count} standby server(s) stream from this PostgreSQL and replay the run's writes on this ` +
          'machine; stop them for figures (scripts/standby.sh stop)',
      );
    }
    return count;
  } finally {
    await client.end();
  }
}
