/**
 * What the web editor refuses to save, with the message the editor sees. The
 * build refuses the same things later; refusing them at the save says so to
 * the person who can fix them, in Swedish, before anything reaches review.
 * Plain data only: this module runs in the browser, in the editor.
 */
import { isIsoDate } from '../dates.ts';

/** What the editor knows of the versions when it starts. */
export interface SaveRules {
  /** Each published version's file, as a path in the repository, with the refusal for saving it. */
  published: Readonly<Record<string, string>>;
  /** Each collection's effective dates. */
  dates: Readonly<Record<string, readonly string[]>>;
  /** Each collection's policy as a sentence names it: "integritetspolicyn". */
  names: Readonly<Record<string, string>>;
}

/** A save the editor is about to make. */
export interface SaveAttempt {
  collection: string;
  /** The file's path in the repository; for a new entry, not known yet. */
  path?: string | undefined;
  newRecord: boolean;
  effective: unknown;
}

const fileDate = (path: string) => /(\d{4}-\d{2}-\d{2})\.mdx$/.exec(path)?.[1];

/** Why `attempt` may not be saved, in Swedish; undefined when it may. */
export function saveRefusal(attempt: SaveAttempt, rules: SaveRules): string | undefined {
  const { collection, path, newRecord, effective } = attempt;
  const name = rules.names[collection] ?? collection;
  const published = !newRecord && path ? rules.published[path] : undefined;
  if (published) {
    return (
      `Versionen är publicerad och kan inte sparas med ändringar. Ska policyn säga något annat, börja en ny version av ${name}. ` +
      `Ett stavfel eller en trasig länk rättas med en rättelse, som den som förvaltar webbplatsen registrerar. Bygget säger samma sak: ${published}`
    );
  }
  if (!isIsoDate(effective)) {
    return `"Gäller från" måste vara ett datum som finns, skrivet ÅÅÅÅ-MM-DD, till exempel 2027-01-15. ${JSON.stringify(effective ?? '')} finns inte i kalendern.`;
  }
  const dates = rules.dates[collection] ?? [];
  if (newRecord) {
    if (dates.includes(effective)) {
      return `Det finns redan en version av ${name} som gäller från ${effective}. Välj ett annat datum, eller öppna den versionen i listan.`;
    }
    const latest = dates.reduce<string | undefined>(
      (max, date) => (max === undefined || date > max ? date : max),
      undefined,
    );
    if (latest !== undefined && effective < latest) {
      return `En ny version måste börja gälla efter den senaste versionen av ${name}, som gäller från ${latest}. Välj ett senare datum.`;
    }
    return undefined;
  }
  const saved = path ? fileDate(path) : undefined;
  if (saved !== undefined && saved !== effective) {
    return `"Gäller från" kan inte ändras på en sparad version: filen heter ${saved}.mdx och versionens adress bygger på datumet. Skriv tillbaka ${saved}. Ska versionen gälla från ett annat datum, börja en ny version.`;
  }
  return undefined;
}
