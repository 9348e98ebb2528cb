#!/usr/bin/env node
/**
 * Builds the extension for both browsers from one manifest.
 *
 *   node build.mjs            release build: minified, no source maps → dist/chromium, dist/firefox
 *   node build.mjs --dev      development build: source maps, readable output
 *   node build.mjs --watch    development build, rebuilt on every change
 *   node build.mjs --sizes    also list each module's minified bytes in content.js and card.js (esbuild's metafile)
 *
 * Every browser difference is in `browserManifest()` below, nowhere else. The dataset and the
 * manifest are validated first; a problem fails the build with the path of the offending field.
 */
import * as esbuild from 'esbuild';
import { gzipSync } from 'node:zlib';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkDataFile } from './scripts/check-data.mjs';
import { privacyPage } from './scripts/privacy-page.mjs';
import { contentAliases } from './scripts/content-aliases.mjs';
import { minify as terserMinify } from 'terser';

const root = dirname(fileURLToPath(import.meta.url));
const args = new Set(process.argv.slice(2));
const watch = args.has('--watch');
const sizes = args.has('--sizes');
const dev = watch || args.has('--dev');
const BROWSERS = ['chromium', 'firefox'];

class BuildError extends Error {}

const readJson = (file) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new BuildError(`${relative(root, file)}: not valid JSON (${error.message})`);
  }
};

/**
 * The dataset must pass `npm run check:data` (scripts/check-data.mjs: syntax, JSON Schema, cross-references,
 * wording, provenance) before anything is built; then the content hash is computed from the checked data.
 */
async function loadDataset() {
  const { ok, data, translations, lines } = await checkDataFile();
  if (!ok) throw new BuildError(`src/data/story.json or a translation is invalid (npm run check:data):\n  ${lines.join('\n  ')}`);
  for (const line of lines) console.log(line);
  const result = await esbuild.build({
    stdin: { contents: `export { contentHash } from './hash';`, resolveDir: join(root, 'src/data'), loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'silent',
  });
  const mod = await import(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString('base64')}`);
  return { data, translations, hash: mod.contentHash(data) };
}

/** Merge every src/**\/locales/<lang>.json into one messages.json per language. */
function buildLocales() {
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\/locales\/[a-z]{2}(_[A-Z]{2})?\.json$/.test(path)) files.push(path);
    }
  };
  walk(join(root, 'src'));
  const locales = {};
  for (const file of files.sort()) {
    const lang = file.match(/([a-z]{2}(?:_[A-Z]{2})?)\.json$/)[1];
    const messages = readJson(file);
    locales[lang] ??= {};
    for (const [key, value] of Object.entries(messages)) {
      const where = `${relative(root, file)}: "${key}"`;
      if (!/^[A-Za-z0-9_@]+$/.test(key)) throw new BuildError(`${where}: message names may use only A-Z, a-z, 0-9 and _`);
      if (key in locales[lang]) throw new BuildError(`${where}: defined twice for "${lang}"`);
      if (typeof value?.message !== 'string' || value.message === '') throw new BuildError(`${where}.message: must be a non-empty string`);
      locales[lang][key] = value;
    }
  }
  const en = locales.en ?? {};
  for (const [lang, messages] of Object.entries(locales)) {
    for (const key of Object.keys(messages)) {
      if (!(key in en)) throw new BuildError(`locales/${lang}.json: "${key}" has no English original`);
    }
  }
  return locales;
}

/** Checks the source manifest; every message fails with the field's path. */
function validateManifest(manifest, locales) {
  const fail = (path, message) => {
    throw new BuildError(`manifest.json: ${path}: ${message}`);
  };
  if (manifest.manifest_version !== 3) fail('manifest_version', 'must be 3');
  for (const key of ['name', 'description', 'default_locale', 'action', 'background', 'content_scripts', 'icons']) {
    if (manifest[key] === undefined) fail(key, 'is required');
  }
  if (!manifest.background.service_worker) fail('background.service_worker', 'is required (Chromium)');
  if (!Array.isArray(manifest.background.scripts)) fail('background.scripts', 'is required (Firefox)');
  const gecko = manifest.browser_specific_settings?.gecko;
  if (!gecko?.id) fail('browser_specific_settings.gecko.id', 'is required');
  if (!gecko?.strict_min_version) fail('browser_specific_settings.gecko.strict_min_version', 'is required');
  if (JSON.stringify(gecko?.data_collection_permissions?.required) !== '["none"]') {
    fail('browser_specific_settings.gecko.data_collection_permissions.required', 'must be ["none"]');
  }
  const en = locales[manifest.default_locale];
  if (!en) fail('default_locale', `no messages for "${manifest.default_locale}"`);
  const visit = (value, path) => {
    if (typeof value === 'string') {
      for (const [, key] of value.matchAll(/__MSG_(\w+)__/g)) if (!(key in en)) fail(path, `message "${key}" is not defined`);
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) visit(v, path ? `${path}.${k}` : k);
    }
  };
  visit(manifest, '');
  const patternRe = /^(\*|https?):\/\/(\*|\*\.[^/*]+|[^/*]+)\/.*$/;
  manifest.content_scripts.forEach((script, i) => {
    (script.matches ?? []).forEach((m, j) => {
      if (!patternRe.test(m)) fail(`content_scripts[${i}].matches[${j}]`, `"${m}" is not a valid match pattern`);
    });
  });
  (manifest.host_permissions ?? []).forEach((m, j) => {
    if (!patternRe.test(m)) fail(`host_permissions[${j}]`, `"${m}" is not a valid match pattern`);
  });
}

/** The only place where the two browsers differ. */
function browserManifest(source, browser, version) {
  const manifest = structuredClone(source);
  manifest.version = version;
  if (browser === 'chromium') {
    // Chromium runs the service worker and warns about keys it does not know.
    delete manifest.browser_specific_settings;
    manifest.background = { service_worker: source.background.service_worker };
  } else {
    // Firefox has no extension service worker; `scripts` runs as an event page.
    delete manifest.minimum_chrome_version;
    manifest.background = { scripts: source.background.scripts };
  }
  return manifest;
}

function checkFilesExist(manifest, outdir) {
  const files = [
    ...Object.values(manifest.icons),
    manifest.action.default_popup,
    manifest.options_ui?.page,
    ...manifest.content_scripts.flatMap((s) => [...(s.js ?? []), ...(s.css ?? [])]),
    manifest.background.service_worker ?? manifest.background.scripts[0],
    'card.js',
    'card-ar.js',
    'card-he.js',
  ].filter(Boolean);
  for (const file of files) {
    if (!existsSync(join(outdir, file))) throw new BuildError(`manifest.json refers to "${file}", which the build did not produce`);
  }
}

/** src/detect's compile step, loaded for the build itself (scripts/content-aliases.mjs). */
async function loadDetect() {
  const result = await esbuild.build({
    stdin: { contents: `export { compileMatcher } from './matcher';\nexport { compileForms } from './forms';`, resolveDir: join(root, 'src/detect'), loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'silent',
  });
  return import(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString('base64')}`);
}

/**
 * content.js needs only the names to look for: this plugin replaces src/data/aliases.ts with its
 * two values precomputed from the validated dataset (`contentAliases`), so the story's text stays out
 * of the bundle that runs on every page (the card bundle carries it).
 */
function aliasesPlugin({ entityAliases, otherNames }) {
  return {
    name: 'backstory-aliases',
    setup(build) {
      build.onLoad({ filter: /[\\/]src[\\/]data[\\/]aliases\.ts$/ }, () => ({
        contents: `export const entityAliases = ${JSON.stringify(entityAliases)};\nexport const otherNames = ${JSON.stringify(otherNames)};`,
        loader: 'js',
      }));
    },
  };
}

/**
 * The content scripts (content.js and card.js) use the browser's own promise-based `browser` namespace (Firefox; Chromium from 148, the
 * manifest's minimum_chrome_version) instead of bundling webextension-polyfill, which is a no-op in both: 9.7 KB
 * of code (about 3 KB gzipped) that every page would load for nothing. The extension pages keep the polyfill.
 */
function nativeBrowserPlugin() {
  return {
    name: 'backstory-native-browser',
    setup(build) {
      build.onResolve({ filter: /^webextension-polyfill$/ }, () => ({ path: 'native-browser', namespace: 'backstory' }));
      build.onLoad({ filter: /^native-browser$/, namespace: 'backstory' }, () => ({
        contents: 'export default globalThis.browser;',
        loader: 'js',
      }));
    },
  };
}

const TRANSLATIONS_MODULE = /[\\/]src[\\/]data[\\/]translations\.ts$/;

/**
 * The card and the popup get the translations as the checked table (complete, current items, `en`
 * stripped) in place of src/data/translations.ts, which would bundle the checker and the English copies.
 */
function translationsPlugin(translations) {
  return {
    name: 'backstory-translations',
    setup(build) {
      build.onLoad({ filter: TRANSLATIONS_MODULE }, () => ({
        contents: `export const translations = ${JSON.stringify(translations)};`,
        loader: 'js',
      }));
    },
  };
}

/**
 * card.js carries no table: the card reads each language's from its own file (translationFiles), loaded
 * only for a card in that language (src/card/translation-files.ts). What it imports here stays empty.
 */
function cardTranslationsPlugin() {
  return {
    name: 'backstory-card-translations',
    setup(build) {
      build.onLoad({ filter: TRANSLATIONS_MODULE }, () => ({
        contents: 'export const translations = {};',
        loader: 'js',
      }));
    },
  };
}

/**
 * card-<lang>.js: one language's checked table, handed to the card on the isolated world's global (the key of
 * src/card/translation-files.ts). The background injects it into a page for a card in that language.
 */
function translationFiles(translations) {
  return Object.entries(translations).map(([lang, table]) => ({
    file: `card-${lang}.js`,
    text: `"use strict";(()=>{const s=globalThis[Symbol.for("backstory.translations")]??={};s[${JSON.stringify(lang)}]??=${JSON.stringify(table)};})();\n`,
  }));
}

/** content.js runs on every page: the translations belong to card.js and the popup, never to it. */
function noTranslationsPlugin() {
  return {
    name: 'backstory-no-translations',
    setup(build) {
      build.onLoad({ filter: TRANSLATIONS_MODULE }, (args) => ({
        errors: [{ text: `${relative(root, args.path)} must not be bundled into content.js (the translations belong to card.js)` }],
      }));
    },
  };
}

/** CSS imported by the card is embedded as (minified) text for its shadow root. */
function cssTextPlugin() {
  return {
    name: 'backstory-css-text',
    setup(build) {
      build.onLoad({ filter: /\.css$/ }, async (args) => {
        const source = readFileSync(args.path, 'utf8');
        const { code } = await esbuild.transform(source, { loader: 'css', minify: !dev, target: ['chrome148', 'firefox140'] });
        return { contents: code, loader: 'text' };
      });
    },
  };
}

function entryPoints() {
  const entries = {
    content: 'src/content/index.ts',
    card: 'src/content/card-entry.ts',
    background: 'src/background/index.ts',
    popup: 'src/popup/index.tsx',
    options: 'src/options/index.tsx',
  };
  for (const [name, file] of Object.entries(entries)) {
    if (!existsSync(join(root, file))) throw new BuildError(`entry "${name}": ${file} does not exist`);
  }
  return entries;
}

/** Where the bytes of the two page bundles go: minified bytes per source module, largest first. */
function printModuleSizes(results) {
  for (const { metafile } of results) {
    for (const [file, output] of Object.entries(metafile.outputs)) {
      if (!/(content|card)\.js$/.test(file)) continue;
      console.log(`${relative(root, file)}: ${output.bytes} bytes minified`);
      const rows = Object.entries(output.inputs).sort(([, a], [, b]) => b.bytesInOutput - a.bytesInOutput);
      for (const [input, { bytesInOutput }] of rows) {
        if (bytesInOutput >= 200) console.log(`  ${(bytesInOutput / 1024).toFixed(1).padStart(6)} KB  ${input}`);
      }
    }
  }
}

/**
 * A second minifier pass over content.js, the script every page loads (DESIGN: under 30 KB gzipped).
 * esbuild minifies in one pass; terser's repeated compression (inlining, dead branches, shorter
 * conditionals) saves about 800 bytes gzipped more on this bundle. Only content.js: the other bundles
 * load on demand, and the pass costs about 2 s per build.
 */
async function recompress(file) {
  const { code } = await terserMinify(readFileSync(file, 'utf8'), {
    ecma: 2022,
    // unsafe_arrows: the function expressions left are the IIFEs terser makes of functions called once,
    // none is constructed or reads `this` (28 bytes gzipped with unsafe_proto's `[].slice` for
    // `Array.prototype.slice`, the content script's own isolated-world built-ins).
    compress: { passes: 3, unsafe_arrows: true, unsafe_proto: true },
    mangle: true,
    format: { comments: false },
  });
  if (!code) throw new BuildError(`terser returned nothing for ${relative(root, file)}`);
  writeFileSync(file, code);
}

async function buildOnce() {
  const started = Date.now();
  const pkg = readJson(join(root, 'package.json'));
  const source = readJson(join(root, 'manifest.json'));
  const locales = buildLocales();
  validateManifest(source, locales);
  const { data, translations, hash } = await loadDataset();
  let aliases;
  try {
    aliases = contentAliases(data, await loadDetect());
  } catch (error) {
    throw new BuildError(error.message);
  }
  const entries = entryPoints();
  const staging = join(root, 'dist', '.staging');
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });

  const common = {
    bundle: true,
    format: 'iife',
    target: ['chrome148', 'firefox140'],
    minify: !dev,
    sourcemap: dev ? 'linked' : false,
    legalComments: 'none',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    charset: 'utf8',
    define: {
      __DEV__: JSON.stringify(dev),
      __CONTENT_HASH__: JSON.stringify(hash),
      __DATASET_VERSION__: JSON.stringify(data.meta.version),
      __EXTENSION_VERSION__: JSON.stringify(pkg.version),
    },
    logLevel: 'warning',
    metafile: true,
  };
  // The content script embeds the card's CSS as text (it goes into the card's shadow root);
  // the extension pages get ordinary CSS files beside their scripts.
  const results = await Promise.all([
    esbuild.build({ ...common, entryPoints: { content: entries.content }, outdir: staging, plugins: [aliasesPlugin(aliases), nativeBrowserPlugin(), noTranslationsPlugin()] }),
    esbuild.build({ ...common, entryPoints: { card: entries.card }, outdir: staging, plugins: [cssTextPlugin(), cardTranslationsPlugin(), nativeBrowserPlugin()] }),
    esbuild.build({ ...common, entryPoints: { background: entries.background }, outdir: staging, plugins: [noTranslationsPlugin()] }),
    esbuild.build({ ...common, entryPoints: { popup: entries.popup, options: entries.options }, outdir: staging, plugins: [translationsPlugin(translations)] }),
  ]);
  if (!dev) await recompress(join(staging, 'content.js'));
  for (const file of ['src/content/content.css', 'src/popup/popup.html', 'src/options/options.html']) {
    const from = join(root, file);
    if (!existsSync(from)) throw new BuildError(`${file} does not exist`);
    cpSync(from, join(staging, file.split('/').pop()));
  }
  for (const { file, text } of translationFiles(translations)) writeFileSync(join(staging, file), text);
  // The privacy policy, bundled so the options page can show it offline.
  writeFileSync(join(staging, 'privacy.html'), privacyPage(readFileSync(join(root, 'PRIVACY.md'), 'utf8')));
  cpSync(join(root, 'icons'), join(staging, 'icons'), { recursive: true, filter: (f) => !f.endsWith('.svg') });
  for (const [lang, messages] of Object.entries(locales)) {
    mkdirSync(join(staging, '_locales', lang), { recursive: true });
    writeFileSync(join(staging, '_locales', lang, 'messages.json'), JSON.stringify(messages, null, 2));
  }

  for (const browser of BROWSERS) {
    const outdir = join(root, 'dist', browser);
    rmSync(outdir, { recursive: true, force: true });
    cpSync(staging, outdir, { recursive: true });
    const manifest = browserManifest(source, browser, pkg.version);
    writeFileSync(join(outdir, 'manifest.json'), JSON.stringify(manifest, null, 2));
    checkFilesExist(manifest, outdir);
  }
  rmSync(staging, { recursive: true, force: true });
  if (sizes) printModuleSizes(results);

  const gz = (file) => (gzipSync(readFileSync(join(root, 'dist/chromium', file)), { level: 9 }).length / 1024).toFixed(1);
  console.log(
    `built ${dev ? 'dev' : 'release'} ${pkg.version} → dist/chromium, dist/firefox ` +
      `(dataset ${data.meta.version} #${hash}; gzipped: content.js ${gz('content.js')} KB, card.js ${gz('card.js')} KB (+ card-ar.js ${gz('card-ar.js')}, card-he.js ${gz('card-he.js')} KB when a card needs them), popup.js ${gz('popup.js')} KB) in ${Date.now() - started} ms`,
  );
}

async function main() {
  try {
    await buildOnce();
  } catch (error) {
    if (error instanceof BuildError) {
      console.error(`build failed: ${error.message}`);
      if (!watch) process.exit(1);
    } else if (error?.errors) {
      // esbuild has already printed its diagnostics.
      if (!watch) process.exit(1);
    } else {
      throw error;
    }
  }
  if (!watch) return;
  const { watch: fsWatch } = await import('node:fs');
  let timer;
  const rebuild = () => {
    clearTimeout(timer);
    timer = setTimeout(() => buildOnce().catch((e) => console.error(`build failed: ${e.message}`)), 100);
  };
  for (const dir of ['src', 'icons']) fsWatch(join(root, dir), { recursive: true }, rebuild);
  fsWatch(join(root, 'manifest.json'), rebuild);
  console.log('watching src/, icons/ and manifest.json …');
}

await main();
