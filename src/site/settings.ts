/** Settings read from the environment, checked so that a typo fails the build with the fix rather than a strange site. */

/** A count of papers of 1 or more from `env[name]`, else `fallback`; a bad value throws naming the variable and the fix. */
export function paperCountSetting(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`${name}: "${raw}" is not a whole number of papers of 1 or more (unset it for the default, ${fallback}).`);
  }
  return value;
}
