import { describe, expect, it } from "vitest";
import { useTestApp } from "../helper";

describe("the server's connections", () => {
  const ctx = useTestApp();
  it("run without JIT compilation (it cost up to a second on each dashboard query of PostgreSQL 15)", async () => {
    const rows = await ctx.db.prisma.$queryRaw<{ jit: string }[]>`SHOW jit`;
    expect(rows[0]?.jit).toBe("off");
    const inTransaction = await ctx.db.prisma.$transaction((tx) => tx.$queryRaw<{ jit: string }[]>`SHOW jit`);
    expect(inTransaction[0]?.jit).toBe("off");
  });
});
