/** Percentile of an ascending-sorted sample (nearest rank). */
export function percentile(sorted: Float64Array | number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/** One bench line as the contract wants it: `<figure>: <number> <unit>`. */
export function figure(name: string, value: number, unit: string): void {
  const digits = Number.isInteger(value) || value >= 100 ? 0 : value >= 10 ? 1 : 2;
  console.log(`${name}: ${value.toFixed(digits)} ${unit}`);
}

/**
 * About how many lines one socket read hands the transport (64 KiB of ~450-byte lines). The benches
 * give the event loop a turn after each such batch, as a bot fed by a socket does, so that timers
 * (the seen-user tracker's flush, the moderation log's writes) run and their work is measured too.
 */
export const LINES_PER_READ = 150;

/** Resolves after the event loop has had a turn (timers and I/O included). */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
