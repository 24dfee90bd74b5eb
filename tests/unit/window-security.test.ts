import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mainWindowOptions } from '../../main/security/window-options.ts';
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
