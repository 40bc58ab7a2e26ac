/**
 * A dynamic route segment as the text it names. Next 16 hands `params` to pages still
 * percent-encoded for non-ASCII segments (while generateMetadata gets them decoded), so a Hangul
 * slug would otherwise be encoded twice on its way to the API. Decoding is idempotent here:
 * slugs never contain a literal `%`.
 */
export function routeParam(value: string): string {
  if (!value.includes("%")) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
