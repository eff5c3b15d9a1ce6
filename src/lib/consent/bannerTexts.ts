/**
 * The banner's texts as published, at build time: for each layer (the banner
 * and the preferences), with and without Global Privacy Control, one JSON
 * document at the permanent address /samtycke/texter/<hash>.json, where <hash>
 * is the first 16 hex digits of the SHA-256 of the document's exact bytes. The
 * consent log records the hash of the layer a choice was made in, so staff can
 * read what the visitor was shown; anyone can check a document against its name.
 */
import { createHash } from 'node:crypto';
import { signalCategories } from './consentMode.ts';
import { bannerSettings, settingsOf, toCookieConsentConfig, type Layer, type LayerText } from './bannerConfig.ts';
import type { ConsentSetup, LayerHashes, PageConsent } from './setup.ts';

/** One published text: its hash (and file name) and the bytes hashed. */
export interface PublishedText {
  hash: string;
  body: string;
}

/**
 * The bytes a text is published and hashed as: JSON without spaces, keys in the
 * order the build writes them, which is the order the library shows them in (a
 * cookie table's columns follow its headers), so the same text always gives the
 * same bytes.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value);
}

/** The first 16 hex digits of the SHA-256 of `body`. */
export function textHash(body: string): string {
  return createHash('sha256').update(body, 'utf8').digest('hex').slice(0, 16);
}

function publish(document: LayerText): PublishedText {
  const body = canonicalJson(document);
  return { hash: textHash(body), body };
}

/** The two layers' texts of `setup`'s banner, for a browser with or without Global Privacy Control. */
export function layerTexts(setup: ConsentSetup, gpc: boolean): Record<Layer, PublishedText> {
  const config = toCookieConsentConfig(setup, { gpc });
  const sv = config.language.translations['sv'];
  if (!sv || typeof sv !== 'object') throw new Error('The banner has no Swedish texts.');
  const cookiePolicy = { version: setup.policy.version, effective: setup.policy.effective };
  return {
    banner: publish({ layer: 'banner', gpc, cookiePolicy, text: sv.consentModal }),
    preferences: publish({ layer: 'preferences', gpc, cookiePolicy, text: sv.preferencesModal }),
  };
}

const hashesOf = (texts: Record<Layer, PublishedText>): LayerHashes => ({
  banner: texts.banner.hash,
  preferences: texts.preferences.hash,
});

/**
 * Every text to publish: those of the banner of each cookie policy version that
 * has been in force (`setups`, one per version, as each was shipped), so that a
 * hash recorded under an earlier version still resolves. Each once.
 */
export function publishedTexts(setups: readonly ConsentSetup[]): PublishedText[] {
  const byHash = new Map<string, PublishedText>();
  for (const setup of setups) {
    for (const gpc of [false, true]) {
      for (const text of Object.values(layerTexts(setup, gpc))) byHash.set(text.hash, text);
    }
  }
  return [...byHash.values()];
}

/**
 * What a page carries for consent: enough for the script every page runs to
 * read the stored consent and start the tools, the banner's settings, and the
 * hashes of its texts, which the banner fetches when it is shown.
 */
export function toPageConsent(setup: ConsentSetup): PageConsent {
  return {
    revision: setup.revision,
    cookieName: setup.cookieName,
    categories: setup.categories.map(({ id, title }) => ({ id, title })),
    policy: { version: setup.policy.version, effective: setup.policy.effective },
    versions: setup.revisionVersions,
    tools: setup.tools,
    signals: signalCategories(setup.categories),
    ...(setup.consentLogUrl ? { consentLogUrl: setup.consentLogUrl } : {}),
    banner: bannerSettings(settingsOf(setup, { gpc: false })),
    texts: {
      standard: hashesOf(layerTexts(setup, false)),
      gpc: hashesOf(layerTexts(setup, true)),
    },
  };
}
