import { join } from 'node:path';
import { build } from 'esbuild';
import { policiesDir } from '../buildSettings.ts';
import { readRecord } from '../content/policyFiles.ts';
import { RECORD_FILE } from '../publication/record.ts';
import { editorSetup, readEditorVersions } from './config.ts';
import { editorBackends } from './contentSecurity.ts';

/**
 * The editor's script, /admin/cms.js: src/client/cms/main.ts bundled for the
 * browser with the `yaml` package it writes frontmatter with, started with the
 * configuration for the versions and the record in POLICIES_DIR as they are.
 */
export async function editorScript(options: { dev: boolean; siteUrl: string; previewStyle: string }): Promise<string> {
  const setup = editorSetup({
    versions: readEditorVersions(policiesDir),
    record: readRecord(policiesDir, join(policiesDir, RECORD_FILE)),
    backends: editorBackends(process.env, options.dev),
    siteUrl: options.siteUrl,
    previewStyle: options.previewStyle,
  });
  const result = await build({
    stdin: {
      contents: `import { startEditor } from './src/client/cms/main.ts';\nstartEditor(${JSON.stringify(setup)});\n`,
      resolveDir: process.cwd(),
      sourcefile: 'admin/cms.js',
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: !options.dev,
    write: false,
    charset: 'utf8',
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}
