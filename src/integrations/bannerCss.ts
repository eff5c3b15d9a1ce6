import type { Plugin } from 'postcss';
import { BANNER_LAYOUT } from '../lib/consent/bannerConfig.ts';

/** The modifier classes vanilla-cookieconsent's styles know, by modal. */
const MODIFIERS = {
  cm: ['box', 'cloud', 'bar', 'inline', 'wide', 'top', 'middle', 'bottom', 'left', 'right', 'center', 'flip'],
  pm: ['box', 'bar', 'wide', 'left', 'right', 'flip'],
} as const;

/** The classes the site's layout puts on the modals (the library adds `cm--<word>` per word of layout and position). */
function usedModifiers(): Set<string> {
  const { consentModal, preferencesModal } = BANNER_LAYOUT;
  return new Set([
    ...`${consentModal.layout} ${consentModal.position}`.split(' ').map((word) => `cm--${word}`),
    ...preferencesModal.layout.split(' ').map((word) => `pm--${word}`),
  ]);
}

/**
 * Selectors for what the site never shows: other layouts and positions, flipped
 * buttons, right-to-left text, the dark scheme.
 */
export function unusedSelectors(): string[] {
  const used = usedModifiers();
  const modifiers = Object.entries(MODIFIERS).flatMap(([modal, words]) => words.map((word) => `${modal}--${word}`));
  return [...modifiers.filter((modifier) => !used.has(modifier)), 'cc--rtl', 'cc--darkmode'];
}

/** The banner's stylesheets: one for each layer, each with the library's base. */
const STYLESHEETS = ['src/styles/banner.css', 'src/styles/preferences.css'];

/**
 * A PostCSS plugin for the banner's stylesheets (src/styles/banner.css and preferences.css): it
 * drops the library's rules for layouts the site does not use, about a sixth
 * of the banner's weight, and declares the library's custom properties on the
 * banner (`#cc-main`) instead of `:root`. Properties set on the root are inherited
 * by every element, so a stylesheet that sets them, arriving after the page is
 * drawn, makes the browser recompute the style of the whole page; on the banner
 * they reach only the banner, the one place that reads them.
 */
export function trimBannerCss(): Plugin {
  const unused = unusedSelectors().map((name) => new RegExp(`\\.${name}(?![\\w-])`));
  return {
    postcssPlugin: 'trim-banner-css',
    Once(root) {
      const file = root.source?.input.file?.replaceAll('\\', '/').replace(/\?.*$/, '');
      if (!file || !STYLESHEETS.some((name) => file.endsWith(name))) return;
      root.walkRules((rule) => {
        const kept = rule.selectors.filter((selector) => !unused.some((pattern) => pattern.test(selector)));
        if (kept.length === 0) rule.remove();
        else rule.selectors = kept.map((selector) => (selector === ':root' ? '#cc-main' : selector));
      });
      root.walkAtRules((atRule) => {
        if (atRule.nodes && atRule.nodes.length === 0) atRule.remove();
      });
    },
  };
}
