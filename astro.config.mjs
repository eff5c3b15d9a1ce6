// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'astro/config';
import { adminEditor } from './src/integrations/adminEditor.ts';
import { trimBannerCss } from './src/integrations/bannerCss.ts';
import { minifyModules } from './src/integrations/minifyModules.ts';
import { securityHeadersFile } from './src/integrations/securityHeaders.ts';
import { siteTextCheck } from './src/integrations/siteText.ts';
import { contentSecurityPolicy } from './src/lib/csp.ts';

export default defineConfig({
  site: 'https://techtroopers.com',
  trailingSlash: 'always',
  // Test and benchmark builds write elsewhere so they never clobber `dist/`.
  outDir: process.env.ASTRO_OUT_DIR ?? './dist',
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  // The policies are published verbatim: no smart quotes or dashes may change a character.
  // No code blocks, so no syntax highlighting: Shiki's inline styles would need 'unsafe-inline'.
  markdown: { syntaxHighlight: false },
  integrations: [
    mdx({ smartypants: false, syntaxHighlight: false }),
    sitemap(),
    securityHeadersFile(process.env),
    adminEditor(),
    // Last, so that it reads every page as it is published.
    siteTextCheck(),
  ],
  vite: {
    plugins: [tailwindcss()],
    // The consent banner is built like a worker, as one module of its own, and imported by URL
    // (src/client/consent/boot.ts): as a module, not a classic script.
    worker: { format: 'es', plugins: () => [minifyModules()] },
    css: { postcss: { plugins: [trimBannerCss()] } },
    // No script inlined into a page: the header policy allows scripts by origin, not by hash, and a
    // script of its own is cached across pages.
    build: { assetsInlineLimit: 0 },
  },
  server: { port: 4321, host: 'localhost' },
  security: { csp: contentSecurityPolicy(process.env) },
});
