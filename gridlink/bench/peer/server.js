// The peer of issue #15: @neo4j/graphql on @apollo/server's standalone HTTP server, read-only over gridlink's graph
// (typeDefs.graphql). Started by `python -m gridlink.bench.peer` with NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD,
// NEO4J_DATABASE and PEER_PORT; prints "ready <url>" on stdout once it listens.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { ApolloServer } = require("@apollo/server");
const { startStandaloneServer } = require("@apollo/server/standalone");
const { Neo4jGraphQL } = require("@neo4j/graphql");
const neo4j = require("neo4j-driver");

async function main() {
  const typeDefs = fs.readFileSync(path.join(__dirname, "typeDefs.graphql"), "utf8");
  const driver = neo4j.driver(process.env.NEO4J_URI,
    neo4j.auth.basic(process.env.NEO4J_USER || "neo4j", process.env.NEO4J_PASSWORD || ""));
  const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
  if (process.argv.includes("--print-schema")) {
    const { printSchema } = require("graphql");
    process.stdout.write(printSchema(schema));
    await driver.close();
    return;
  }
  const server = new ApolloServer({ schema });
  const database = process.env.NEO4J_DATABASE || "neo4j";
  const { url } = await startStandaloneServer(server, {
    listen: { host: "127.0.0.1", port: Number(process.env.PEER_PORT || 18052) },
    context: async () => ({ sessionConfig: { database } }),
  });
  process.stdout.write(`ready ${url}\n`);
  const stop = async () => { await server.stop(); await driver.close(); process.exit(0); };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((e) => { process.stderr.write(`${e.stack || e}\n`); process.exit(1); });
