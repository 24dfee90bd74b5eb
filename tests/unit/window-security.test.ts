import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  isAppUrl,
  isTrustedSender,
  mainWindowOptions,
  pdfWindowOptions,
} from '../../main/security/window-options.ts';
import { isAllowedExternalUrl } from '../../main/security/external-urls.ts';
import { contentSecurityPolicy } from '../../main/security/headers.ts';

test('the main window follows the Electron security checklist', () => {
  const { webPreferences: p } = mainWindowOptions('/app/preload/index.cjs', false);
  assert.equal(p.contextIsolation, true);
  assert.equal(p.sandbox, true);
  assert.equal(p.nodeIntegration, false);
  assert.equal(p.nodeIntegrationInWorker, false);
  assert.equal(p.nodeIntegrationInSubFrames, false);
  assert.equal(p.webSecurity, true);
  assert.equal(p.allowRunningInsecureContent, false);
  assert.equal(p.experimentalFeatures, false);
  assert.equal(p.webviewTag, false);
  assert.equal(p.disableBlinkFeatures, 'Auxclick');
  assert.equal(p.preload, '/app/preload/index.cjs');
  assert.equal(p.spellcheck, false, 'the spellchecker would download dictionaries unasked');
  assert.equal(p.devTools, false, 'no devtools in a packaged build');
  assert.equal(mainWindowOptions('/p', true).webPreferences.devTools, true);
});

test('the content security policy allows nothing but the app itself', () => {
  assert.match(contentSecurityPolicy, /default-src 'self'/);
  assert.match(contentSecurityPolicy, /script-src 'self'(;|$)/);
  assert.match(contentSecurityPolicy, /object-src 'none'/);
  assert.doesNotMatch(contentSecurityPolicy, /unsafe-inline|unsafe-eval|\*/);
});

test('only https links to the partners’ own sites open in the system browser', () => {
  for (const url of [
    'https://dashboard-03.braze.com/app_settings/developer_console',
    'https://dashboard-01.braze.eu/',
    'https://www.braze.com/docs/partners/jacquard/',
    'https://app.zaius.com/',
    'https://support.optimizely.com/hc/en-us/articles/4407268804365',
    'https://www.jacquard.com/',
  ]) {
    assert.equal(isAllowedExternalUrl(url), true, url);
  }
  for (const url of [
    'http://dashboard-03.braze.com/',
    'https://braze.com.evil.example/',
    'https://evilbraze.com/',
    'https://user:pass@www.braze.com/',
    'https://www.braze.com:8443/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://braze.com/share',
    'not a url',
  ]) {
    assert.equal(isAllowedExternalUrl(url), false, url);
  }
});

test('only the app’s own main frame may call the handlers, and navigation stays in the app', () => {
  assert.equal(
    isTrustedSender({ url: 'app://renderer/index.html#/client/1', isMainFrame: true }),
    true,
  );
  for (const frame of [
    { url: 'app://renderer/index.html', isMainFrame: false },
    { url: 'https://app.zaius.com/', isMainFrame: true },
    { url: 'app://renderer.evil/index.html', isMainFrame: true },
    { url: 'file:///app/renderer/index.html', isMainFrame: true },
    { url: 'not a url', isMainFrame: true },
    null,
  ]) {
    assert.equal(isTrustedSender(frame), false, JSON.stringify(frame));
  }
  assert.equal(isAppUrl('app://renderer/index.html#/settings'), true);
  for (const url of [
    'https://dashboard-03.braze.com/',
    'app://other/',
    'javascript:alert(1)',
    '',
  ]) {
    assert.equal(isAppUrl(url), false, url);
  }
});

test('reports print in a hidden window with no script, no Node and no preload', () => {
  const p = pdfWindowOptions.webPreferences;
  assert.equal(pdfWindowOptions.show, false);
  assert.equal(p.javascript, false);
  assert.equal(p.sandbox, true);
  assert.equal(p.contextIsolation, true);
  assert.equal(p.nodeIntegration, false);
  assert.equal(p.spellcheck, false);
  // Middle-click would open the report's links in new windows past the window-open handler.
  assert.equal(p.disableBlinkFeatures, 'Auxclick');
  assert.ok(!('preload' in p));
});
