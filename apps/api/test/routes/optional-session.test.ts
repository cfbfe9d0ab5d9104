import { describe, expect, it } from "vitest";
import { signIn, useTestApp } from "../helper";

/** The web app asks who is signed in on every page: an anonymous visit must not be an error (issue 8, item 15). */
describe("GET /auth/session?optional=true", () => {
  const ctx = useTestApp();

  it("answers 204 with no body to an anonymous visitor, and still 401 without optional", async () => {
    const optional = await ctx.app.inject({ method: "GET", url: "/api/v1/auth/session?optional=true" });
    expect(optional.statusCode).toBe(204);
    expect(optional.body).toBe("");
    const strict = await ctx.app.inject({ method: "GET", url: "/api/v1/auth/session" });
    expect(strict.statusCode).toBe(401);
    expect(strict.headers["content-type"]).toContain("application/problem+json");
  });

  it("answers the session of a signed-in user either way", async () => {
    const headers = await signIn(ctx.app, "executive");
    for (const url of ["/api/v1/auth/session?optional=true", "/api/v1/auth/session"]) {
      const res = await ctx.app.inject({ method: "GET", url, headers });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        user: { username: "executive", role: "executive" },
        csrfToken: expect.any(String),
      });
    }
  });

  it("refuses an optional value other than true or false, naming the field", async () => {
    const res = await ctx.app.inject({ method: "GET", url: "/api/v1/auth/session?optional=maybe" });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toContain("optional");
  });
});
