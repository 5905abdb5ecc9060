import type { VariableDefinition } from '../template.types.ts';

const ZONE = /^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** A clock formatter for an IANA zone (built once per zone), or undefined for a zone Intl does not know. */
export function zoneFormatter(zone: string): Intl.DateTimeFormat | undefined {
  const known = formatters.get(zone);
  if (known) return known;
  if (!ZONE.test(zone)) return undefined;
  try {
    const formatter = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });
    // Unknown zones throw above; this bounds the map to the zones Intl knows.
    if (formatters.size < 1_000) formatters.set(zone, formatter);
    return formatter;
  } catch {
    return undefined;
  }
}

/** `$(time Europe/Berlin)`. */
export function timeVariables(deps: { now: () => number }): VariableDefinition[] {
  return [
    {
      name: 'time',
      category: 'time',
      description: 'The time of day in an IANA time zone (UTC without an argument).',
      usage: '$(time Europe/Berlin)',
      example: { template: "It's $(time Europe/Berlin) for the streamer", output: "It's 21:07 CET for the streamer" },
      check: (arg) => (zoneFormatter(arg || 'UTC') ? undefined : `"${arg}" is not a time zone; use a name like Europe/Berlin`),
      run: (arg) => zoneFormatter(arg || 'UTC')?.format(deps.now()) ?? `(unknown time zone ${arg})`,
    },
  ];
}
