// PostGraphile 5 beside the gateway, as ../shared/peer-notes.md describes: the amber preset,
// the three schemas, production mode (no GraphiQL, no watch, no explain).
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { makePgService } from "postgraphile/adaptors/pg";

const poolSize = Number(process.env.POOL_SIZE ?? "10");

export default {
  extends: [PostGraphileAmberPreset],
  pgServices: [
    makePgService({
      connectionString: process.env.DATABASE_URL,
      schemas: ["chat", "public", "ai_manager"],
      poolConfig: { max: poolSize },
    }),
  ],
  grafserv: { port: Number(process.env.PORT ?? "18490"), graphiql: false, watch: false },
  grafast: { explain: false },
};
