import { resolveToday } from './dates.ts';

/** The day this build is made for (see `resolveToday`). */
export const today: string = resolveToday();

/** Drafts are previewed in `astro dev` and never published by a build. */
export const includeDrafts: boolean = import.meta.env.DEV;
