const UNITS: [string, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1_000],
];

/** `2 years 3 months`: the largest `parts` units of a duration, in words. */
export function formatDuration(ms: number, parts = 2): string {
  let rest = Math.max(0, ms);
  const words: string[] = [];
  for (const [unit, size] of UNITS) {
    if (words.length >= parts) break;
    const n = Math.floor(rest / size);
    if (n === 0 && words.length === 0) continue;
    rest -= n * size;
    if (n > 0) words.push(`${n} ${unit}${n === 1 ? '' : 's'}`);
    else break;
  }
  return words.length > 0 ? words.join(' ') : '0 seconds';
}

/** `1h 05m`: a stream's uptime. */
export function formatUptime(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  const hours = Math.floor(minutes / 60);
  return hours > 0 ? `${hours}h ${String(minutes % 60).padStart(2, '0')}m` : `${minutes}m`;
}
