/** Dependency-injection tokens for values that are not classes. */
export const CONFIG = Symbol("CONFIG");
export const LOGGER = Symbol("LOGGER");
export const REDIS = Symbol("REDIS");
export const IMAGE_STORAGE = Symbol("IMAGE_STORAGE");
/** Optional key resolver for token verification (tests pass a local key; otherwise the JWKS URL). */
export const TOKEN_KEYS = Symbol("TOKEN_KEYS");
