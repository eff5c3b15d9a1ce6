// The consent categories alone, for the script every page runs: nothing else of the declaration.

/** The consent categories, in the order visitors see them. */
export const CATEGORY_IDS = ['necessary', 'statistics', 'marketing'] as const;
export type CategoryId = (typeof CATEGORY_IDS)[number];

/** The category that is always on; every declaration has it. */
export const NECESSARY: CategoryId = 'necessary';

/** The category Global Privacy Control refuses without asking. */
export const GPC_REFUSES: CategoryId = 'marketing';
