/** Splits a request target into path and query and rejects paths that could escape a route. */

export interface Target {
  path: string;
  /** The raw query string without `?` (may be empty). */
  query: string;
}

// Dot segments, encoded slashes/dots/backslashes and empty segments are refused rather than
// normalised: a gateway that normalises differently from its upstreams can be walked around.
const UNSAFE = /(?:^|\/)\.{1,2}(?:\/|$)|%2f|%5c|%2e|\\|\/\//i;

export function splitTarget(url: string): Target | undefined {
  const q = url.indexOf("?");
  const path = q === -1 ? url : url.slice(0, q);
  if (path.charCodeAt(0) !== 47 /* / */ || UNSAFE.test(path)) return undefined;
  return { path, query: q === -1 ? "" : url.slice(q + 1) };
}
