import data from './crisis-lines.json';

export interface HelpLine {
  name: string;
  about: string;
  phone?: string;
  text?: string;
  sms?: string;
  url?: string;
  hours: string;
}

export interface CountryLines {
  code: string;
  name: string;
  /** How the country reads after "in", when it needs "the". */
  inName?: string;
  emergency: string;
  lines: HelpLine[];
}

export const COUNTRIES: CountryLines[] = data.countries;
export const INTERNATIONAL: { name: string; lines: HelpLine[] } = data.international;
export const UPDATED: string = data.updated;

/** The region of the first browser language that names one, e.g. "en-GB" gives "GB". */
export function regionFromLanguages(languages: readonly string[]): string | null {
  for (const tag of languages) {
    const region = /^[a-z]{2,3}(?:-[A-Za-z]{4})?-([A-Za-z]{2})\b/.exec(tag)?.[1];
    if (region) return region.toUpperCase() === 'UK' ? 'GB' : region.toUpperCase();
  }
  return null;
}

export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}
