import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/test-server.js";

/** Milliseconds until the server closes a raw connection that sent `chunks` and then nothing. */
function closedAfter(baseUrl: string, chunks: string[]): Promise<{ ms: number; answer: string }> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const socket = net.connect(Number(port), hostname, () => {
      for (const chunk of chunks) socket.write(chunk);
    });
    let answer = "";
    socket.on("data", (d) => (answer += d.toString()));
    socket.on("close", () => resolve({ ms: performance.now() - started, answer }));
    socket.on("error", reject);
    setTimeout(() => {
      socket.destroy();
      reject(new Error("the server kept a silent client's connection open for 20 s"));
    }, 20_000);
  });
}

describe("slow clients are cut off", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ HTTP_HEADERS_TIMEOUT_MS: "1500", HTTP_REQUEST_TIMEOUT_MS: "3000" });
  });
  afterAll(() => server.close());

  it("headers that never end: closed after HTTP_HEADERS_TIMEOUT_MS", async () => {
    const { ms, answer } = await closedAfter(server.baseUrl, ["POST /graphql HTTP/1.1\r\nHost: x\r\n"]);
    expect(ms).toBeGreaterThan(1_000);
    expect(ms).toBeLessThan(1_500 + 2_000);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });

  it("a body that never ends: closed after HTTP_REQUEST_TIMEOUT_MS", async () => {
    const head = "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n";
    const { ms, answer } = await closedAfter(server.baseUrl, [head, '{"query": "{ health']);
    expect(ms).toBeGreaterThan(2_500);
    expect(ms).toBeLessThan(3_000 + 2_000);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });

  it("keeps serving everyone else meanwhile", async () => {
    const res = await server.gql("{ health { neo4j } }");
    expect(res.body.data.health.neo4j).toBe(true);
  });
});
