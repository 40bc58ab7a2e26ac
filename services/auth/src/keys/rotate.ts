/**
 * `npm run rotate-keys`: adds a new development signing key in front of KEY_DIR's key file. The
 * previous key stays published until tokens it signed have expired; restart auth to use it.
 */
import { readConfig } from "../config.js";
import { rotateKeyFile } from "./keys.js";

const config = readConfig();
const keys = await rotateKeyFile(config.KEY_DIR, config.ACCESS_TOKEN_TTL_SEC + 60);
console.log(
  `signing key is now ${keys[0]?.kid}; ${keys.length} key(s) published. Restart auth to sign with it.`,
);
