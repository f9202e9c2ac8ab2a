/** Neo4j cannot be reached or started. Carries a message meant for the person running the service. */
export class Neo4jUnavailableError extends Error {
  override name = "Neo4jUnavailableError";
}
