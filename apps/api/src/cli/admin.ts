// The first run of a city's own database (see README, "First run"):
//   admin create <username> [--name "ชื่อที่แสดง"]   the first admin; the password from ADMIN_PASSWORD,
//                                                    else typed at a prompt (not echoed), else the first line
//                                                    of standard input; never printed
//   admin import-units <file.csv>                    the city's units (code, name, parent, kind; name_en)
//   admin add-fiscal-years <year> [year…]            fiscal years, Buddhist era (2570)
// On the database of DATABASE_URL, or the embedded one under DATA_DIR (stop the server first: the
// embedded database belongs to one process). Migrates first; never loads demo data.
import { readFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { openDatabase } from "../db/database";
import { applyMigrations } from "../db/migrate";
import { loadEnv } from "../env";
import { DomainError } from "../lib/problems";
import { addFiscalYears, createAdmin, importUnits } from "../setup/first-run";

const USAGE = `Usage:
  pnpm admin:create <username> [--name "display name"]   (password: ADMIN_PASSWORD, or typed at the prompt)
  pnpm units:import <file.csv>                           (columns code,name,parent,kind[,name_en]; UTF-8)
  pnpm fiscal-years:add <year> [year…]                   (Buddhist era, e.g. 2570)`;

/** A password typed at the terminal without echo, or the first line of a pipe. */
async function readPassword(prompt: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    const lines = createInterface({ input: stdin });
    for await (const line of lines) {
      lines.close();
      return line;
    }
    return "";
  }
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding("utf8");
  return new Promise((resolve, reject) => {
    let typed = "";
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === "\r" || char === "\n") {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off("data", onData);
          process.stderr.write("\n");
          resolve(typed);
          return;
        }
        if (char === "\u0003") {
          stdin.setRawMode(false);
          reject(new Error("cancelled"));
          return;
        }
        if (char === "\u007f" || char === "\b") typed = typed.slice(0, -1);
        else typed += char;
      }
    };
    stdin.on("data", onData);
  });
}

/** Paths as the user typed them, relative to where `pnpm` was run (pnpm runs the script in apps/api). */
const fromUser = (file: string) => path.resolve(process.env.INIT_CWD ?? process.cwd(), file);

async function main(argv: string[]): Promise<string> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { name: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) return USAGE;
  if (!["create", "import-units", "add-fiscal-years"].includes(command))
    throw new Error(`Unknown command ${command}\n${USAGE}`);
  if (rest.length === 0) throw new Error(USAGE);

  let password = "";
  if (command === "create") {
    password = process.env.ADMIN_PASSWORD ?? "";
    if (!password) {
      password = await readPassword(`Password for ${rest[0]} (10 characters or more): `);
      if (process.stdin.isTTY && password !== (await readPassword("The same password again: "))) {
        throw new Error("The two passwords differ; nothing was created");
      }
    }
  }

  const env = loadEnv();
  const db = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
  try {
    await applyMigrations(db, env.MIGRATIONS_DIR);
    if (command === "create") {
      const user = await createAdmin(db.prisma, {
        username: rest[0] as string,
        displayName: values.name ?? "ผู้ดูแลระบบ",
        password,
      });
      return `Created admin ${user.username} (${user.displayName}) in ${db.location}; sign in at /sign-in`;
    }
    if (command === "import-units") {
      const file = fromUser(rest[0] as string);
      const result = await importUnits(db.prisma, readFileSync(file, "utf8"));
      return `Units from ${file}: ${result.created.length} created, ${result.unchanged.length} already there`;
    }
    const years = rest.map((y) => Number(y));
    const result = await addFiscalYears(
      db.prisma,
      years.map((year, i) => {
        if (!Number.isInteger(year) || year < 2500 || year > 2700) {
          throw new Error(`${rest[i]} is not a fiscal year of the Buddhist era (2500–2700), e.g. 2570`);
        }
        return year;
      }),
    );
    return `Fiscal years: ${result.created.join(", ") || "none"} added, ${result.unchanged.join(", ") || "none"} already there`;
  } finally {
    await db.close();
  }
}

main(process.argv.slice(2)).then(
  (message) => {
    console.log(message);
  },
  (error: unknown) => {
    if (error instanceof DomainError) {
      console.error(`${error.localized.en}\n${error.localized.th}`);
      for (const e of error.errors ?? []) console.error(`  ${e.path}: ${e.message.en} / ${e.message.th}`);
    } else console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
