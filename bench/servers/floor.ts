import http from "node:http";
import neo4j from "neo4j-driver";
import { shapes } from "../shapes.js";

/**
 * The floor: bare node:http, one hand-written Cypher query per shape in a read transaction, the
 * record's `data` as JSON. What any server over this Neo4j cannot beat by much.
 *
 *   NEO4J_URI=bolt://… PORT=4002 node dist/bench/servers/floor.js     GET /<shape>
 */
const driver = neo4j.driver(process.env.NEO4J_URI!, neo4j.auth.basic(process.env.NEO4J_USER ?? "neo4j", process.env.NEO4J_PASSWORD ?? ""), {
  disableLosslessIntegers: true,
  maxConnectionPoolSize: 50,
});
const database = process.env.NEO4J_DATABASE ?? "neo4j";
const byPath = new Map(shapes.map((s) => [`/${s.name}`, s]));

const server = http.createServer(async (req, res) => {
  const shape = byPath.get(req.url ?? "");
  if (!shape) {
    res.writeHead(404).end();
    return;
  }
  req.resume();
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.executeRead((tx) => tx.run(shape.floor, shape.params));
    const body = JSON.stringify({ data: result.records[0]?.get("data") ?? null });
    res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) }).end(body);
  } catch (error) {
    const body = JSON.stringify({ errors: [{ message: (error as Error).message }] });
    res.writeHead(500, { "content-type": "application/json" }).end(body);
  } finally {
    await session.close();
  }
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT ?? 4002), "127.0.0.1", () => console.log("floor ready"));
const stop = () => server.close(() => void driver.close().then(() => process.exit(0)));
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
