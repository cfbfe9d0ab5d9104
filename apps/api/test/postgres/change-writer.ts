// A writer process for the change-feed test: `rounds` transactions, each bumping one to three of the
// given projects' versions (in code order, as the app locks), some holding their transaction open
// a while before committing, so that transactions commit in another order than they started.
import pg from "pg";

const [databaseUrl, rounds, seed, ...codes] = process.argv.slice(2) as [string, string, string, ...string[]];
let state = Number(seed);
const random = () => {
  state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
  return state / 2_147_483_648;
};

const client = new pg.Client({ connectionString: databaseUrl });
await client.connect();
let bumps = 0;
for (let round = 0; round < Number(rounds); round++) {
  const picked = [
    ...new Set(
      [0, 1, 2].slice(0, 1 + Math.floor(random() * 3)).map(() => codes[Math.floor(random() * codes.length)] as string),
    ),
  ].sort();
  await client.query("BEGIN");
  for (const code of picked) {
    await client.query("UPDATE project SET version = version + 1, updated_at = now() WHERE code = $1", [code]);
    bumps++;
  }
  // one transaction in five stays open a while: others that started after it commit before it
  if (random() < 0.2) await client.query("SELECT pg_sleep($1)", [0.02 + random() * 0.08]);
  await client.query("COMMIT");
}
await client.end();
console.log(JSON.stringify({ bumps }));
