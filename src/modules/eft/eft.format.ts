// Compact chat formatting: `1.23M ₽`, `45.3k ₽`, `$412`, `€1.18k`, `+8.2%`, `14 min`, and the
// answer templates channels can change.
import type { Currency } from './eft.catalogue.ts';

/** Twitch's limit for one chat message. */
export const MAX_ANSWER = 500;

const UNITS = ['', 'k', 'M', 'B'] as const;

/** Three significant digits with a k/M/B suffix: 850, 4.53k, 45.3k, 453k, 1.2M. */
export function compactNumber(value: number): string {
  const sign = value < 0 ? '-' : '';
  let n = Math.abs(value);
  if (n < 1000) return `${sign}${Math.round(n)}`;
  let unit = 0;
  while (n >= 1000 && unit < UNITS.length - 1) {
    n /= 1000;
    unit++;
  }
  let digits = threeDigits(n);
  if (digits >= 1000 && unit < UNITS.length - 1) {
    digits = threeDigits(digits / 1000);
    unit++;
  }
  return `${sign}${String(digits)}${UNITS[unit]}`;
}

// Rounds 1 <= n < 1000 to three significant digits (toPrecision is several times slower on this hot path).
function threeDigits(n: number): number {
  if (n >= 100) return Math.round(n);
  if (n >= 10) return Math.round(n * 10) / 10;
  return Math.round(n * 100) / 100;
}

export function formatMoney(value: number, currency: Currency = 'RUB'): string {
  const sign = value < 0 ? '-' : '';
  const amount = compactNumber(Math.abs(value));
  if (currency === 'USD') return `${sign}$${amount}`;
  if (currency === 'EUR') return `${sign}€${amount}`;
  return `${sign}${amount} ₽`;
}

/** `+12k ₽` / `-3.4k ₽`. */
export function formatSignedMoney(value: number): string {
  return `${value >= 0 ? '+' : ''}${formatMoney(value)}`;
}

/** `+8.2%`, `-12%`, `0%`: one decimal under 10 %, none above. */
export function formatPercent(value: number): string {
  const rounded = Math.abs(value) < 10 ? Math.round(value * 10) / 10 : Math.round(value);
  if (rounded === 0) return '0%';
  return `${rounded > 0 ? '+' : ''}${String(rounded)}%`;
}

/** `35 s`, `14 min`, `3 h`, `2 d`. */
export function formatAge(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.round(hours / 24)} d`;
}

export type TemplateVars = Readonly<Record<string, string | null | undefined>>;

type Piece = { text: string } | { key: string; whole: string };
interface Part {
  optional: boolean;
  pieces: Piece[];
}

// Templates are parsed once: an answer is rendered on every chat command.
const compiled = new Map<string, Part[]>();
const MAX_COMPILED = 1_000;

function compile(template: string): Part[] {
  let parts = compiled.get(template);
  if (parts) return parts;
  parts = template.split(/(\[[^[\]]*\])/).map((part) => {
    const optional = part.startsWith('[') && part.endsWith(']');
    const body = optional ? part.slice(1, -1) : part;
    return { optional, pieces: body.split(/(\{\w+\})/).map((p): Piece => (/^\{\w+\}$/.test(p) ? { key: p.slice(1, -1), whole: p } : { text: p })) };
  });
  if (compiled.size >= MAX_COMPILED) compiled.clear();
  compiled.set(template, parts);
  return parts;
}

/**
 * Fills `{name}` placeholders. A part in square brackets is dropped when a placeholder inside it has
 * no value, so `{name}[, 48h {change}]` reads well for items without flea data. Unknown placeholders
 * stay as written, which shows a template's author the typo. Values are never expanded again.
 */
export function renderTemplate(template: string, vars: TemplateVars): string {
  let out = '';
  for (const part of compile(template)) {
    let text = '';
    let missing = false;
    for (const piece of part.pieces) {
      if ('text' in piece) text += piece.text;
      else if (!Object.hasOwn(vars, piece.key)) text += piece.whole;
      else {
        const value = vars[piece.key];
        if (value === null || value === undefined || value === '') missing = true;
        else text += value;
      }
    }
    if (!(part.optional && missing)) out += text;
  }
  return out.replace(/\s{2,}/g, ' ').trim();
}

/** Cuts an answer to one chat message, at a word boundary, with an ellipsis. */
export function fitMessage(text: string, max = MAX_ANSWER): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
