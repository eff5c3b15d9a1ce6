import { editorMetaPolicy, type EditorBackends } from './contentSecurity.ts';

/**
 * The editor's page, /admin/: Decap CMS and the site's configuration of it, in
 * that order after the script that tells Decap to wait for it. It carries its
 * own content security policy, not the site's (Decap needs 'unsafe-eval' and
 * inline styles, which the site's pages never allow), and asks not to be indexed.
 */
export function editorPage(backends: EditorBackends): string {
  return `<!DOCTYPE html>
<html lang="sv">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta http-equiv="content-security-policy" content="${editorMetaPolicy(backends)}">
    <meta name="robots" content="noindex, nofollow">
    <title>Redigera policyerna – Tech Troopers</title>
    <link rel="icon" href="/favicon.svg" type="image/svg+xml">
    <script src="/admin/cms.js"></script>
    <script src="/admin/decap-cms.js"></script>
  </head>
  <body></body>
</html>
`;
}
