import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { requireRole } from "../../src/auth/roles.js";
import { ROLES, roleAtLeast, type Caller } from "../../src/shared/caller.js";
import { conflict, forbidden, unauthenticated } from "../../src/shared/errors.js";

function failure(run: () => unknown): GraphQLError {
  try {
    run();
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
  throw new Error("expected an error");
}

describe("roles", () => {
  it("are ordered curator < editor < admin, each allowed what the ones before it are", () => {
    expect(ROLES).toEqual(["curator", "editor", "admin"]);
    const allowed = ROLES.flatMap((role) => ROLES.filter((needed) => roleAtLeast(role, needed)).map((needed) => `${role}≥${needed}`));
    expect(allowed).toEqual(["curator≥curator", "editor≥curator", "editor≥editor", "admin≥curator", "admin≥editor", "admin≥admin"]);
  });

  it("requireRole: UNAUTHENTICATED without a caller, FORBIDDEN naming both roles for a weaker one, the caller otherwise", () => {
    const curator: Caller = { keyId: "AAAAAAAAAAAA", name: "A", role: "curator" };
    const none = failure(() => requireRole(null, "curator"));
    expect(none.message).toBe("this needs an API key: Authorization: Bearer <key>");
    expect(none.extensions).toEqual({ code: "UNAUTHENTICATED", http: { status: 401, headers: new Map([["www-authenticate", "Bearer"]]) } });
    const weak = failure(() => requireRole(curator, "admin"));
    expect(weak.message).toBe("this needs the admin role; this API key has the curator role");
    expect(weak.extensions).toEqual({ code: "FORBIDDEN", http: { status: 403 } });
    expect(requireRole(curator, "curator")).toBe(curator);
    expect(requireRole({ ...curator, role: "admin" }, "editor").role).toBe("admin");
  });

  it("the error helpers carry their code and status; conflict keeps its extensions", () => {
    expect(unauthenticated("x").extensions.http).toEqual({ status: 401, headers: new Map([["www-authenticate", "Bearer"]]) });
    expect(forbidden("x").extensions).toEqual({ code: "FORBIDDEN", http: { status: 403 } });
    expect(conflict("changed", { expectedVersion: 3, actualVersion: 4 }).extensions).toEqual({ code: "CONFLICT", expectedVersion: 3, actualVersion: 4, http: { status: 409 } });
  });
});
