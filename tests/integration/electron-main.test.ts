import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { mainWindowOptions, pdfWindowOptions } from '../../main/security/window-options.ts';
import { ipcChannels } from '../../preload/ipc-channels.ts';
import { recorded, type StubWebContents } from '../support/electron-stub.ts';
import { resolveElectronToStub } from '../support/electron-stub-hook.ts';

// The built main process (out/main/index.js, what the packaged app runs) started under plain Node
// with `electron` replaced by tests/support/electron-stub.ts: the app's own IPC handler, app://
// protocol and session hardening are then driven as Electron would drive them.

const root = fileURLToPath(new URL('../../', import.meta.url));
resolveElectronToStub();

const appFrame = { url: 'app://renderer/index.html#/', parent: null };

async function invoke(senderFrame: unknown, channel: string, payload: unknown) {
  const handler = recorded.ipcHandlers.get(ipcChannels.invoke);
  assert.ok(handler, 'no IPC handler registered');
  return (await handler({ senderFrame }, channel, payload)) as {
    ok: boolean;
    value?: Record<string, unknown>;
    error?: { code: string };
  };
}

describe('the built Electron main process, under a stand-in for Electron', () => {
  let home: string;

  before(async () => {
    home = await mkdtemp(join(tmpdir(), 'partner-setup-electron-'));
    process.env.PARTNER_SETUP_HOME = home;
    await import(join(root, 'out', 'main', 'index.js'));
    const deadline = Date.now() + 20_000;
    while (recorded.windows.length === 0) {
      assert.ok(Date.now() < deadline, 'the main window never opened');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });

  after(() => rm(home, { recursive: true, force: true }));

  it('opens one hardened window on app://renderer, with the app store as userData', () => {
    const [window] = recorded.windows;
    assert.ok(window);
    const preload = join(root, 'out', 'preload', 'index.cjs');
    assert.deepEqual(window.options, mainWindowOptions(preload, true));
    assert.equal(window.url, 'app://renderer/index.html');
    assert.equal(window.title, 'Partner Setup Assistant');
    assert.equal(recorded.userDataPath, home);
    assert.deepEqual(recorded.privilegedSchemes, [
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('answers the app’s own main frame through the handler table, and nobody else', async () => {
    const created = await invoke(appFrame, 'clients:create', {
      name: 'Acme Retail',
      integrations: ['jacquard'],
    });
    assert.equal(created.ok, true, JSON.stringify(created));
    const info = await invoke(appFrame, 'app:info', {});
    assert.equal(info.value?.mode, 'electron');
    assert.equal(info.value?.allowInsecureLoopback, false, 'started without the switch');
    for (const frame of [
      { url: 'app://renderer/index.html', parent: appFrame },
      { url: 'https://evil.example/', parent: null },
      { url: 'file:///etc/passwd', parent: null },
      null,
    ]) {
      const refused = await invoke(frame, 'clients:list', {});
      assert.equal(refused.error?.code, 'FORBIDDEN', JSON.stringify(frame));
    }
  });

  it('serves the built renderer on app://renderer with the security headers, nothing else', async () => {
    const handle = recorded.protocolHandlers.get('app');
    assert.ok(handle);
    const page = await handle(new Request('app://renderer/index.html'));
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /text\/html/);
    assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'self'/);
    assert.match(await page.text(), /<div id="root">/);
    for (const url of ['app://renderer/../../package.json', 'app://other/index.html']) {
      assert.equal((await handle(new Request(url))).status, 404, url);
    }
  });

  it('denies permissions, navigation away from the app and new windows', () => {
    let granted: boolean | null = null;
    recorded.permissionRequestHandler?.({}, 'geolocation', (answer) => (granted = answer));
    assert.equal(granted, false);
    assert.equal(recorded.permissionCheckHandler?.(), false);

    const created = recorded.appListeners.get('web-contents-created') as
      ((event: unknown, contents: StubWebContents) => void) | undefined;
    assert.ok(created);
    const [window] = recorded.windows;
    assert.ok(window);
    created({}, window.webContents);
    const navigate = window.webContents.listeners.get('will-navigate') as
      ((event: { preventDefault(): void }, url: string) => void) | undefined;
    assert.ok(navigate);
    const prevented = (url: string) => {
      let stopped = false;
      navigate({ preventDefault: () => (stopped = true) }, url);
      return stopped;
    };
    assert.equal(prevented('https://evil.example/'), true);
    assert.equal(prevented('app://renderer/index.html#/settings'), false);

    const open = window.webContents.windowOpenHandler;
    assert.ok(open);
    assert.deepEqual(open({ url: 'https://www.braze.com/docs/partners/jacquard/' }), {
      action: 'deny',
    });
    assert.deepEqual(open({ url: 'http://evil.example/' }), { action: 'deny' });
    assert.deepEqual(recorded.openedExternally, ['https://www.braze.com/docs/partners/jacquard/']);
  });

  it('the preload exposes only invoke and on, which reach main and hear its events', async () => {
    createRequire(import.meta.url)(join(root, 'out', 'preload', 'index.cjs'));
    const api = recorded.exposed.get('api') as {
      invoke(channel: string, request: unknown): Promise<{ ok: boolean; value?: unknown }>;
      on(event: string, listener: (payload: unknown) => void): () => void;
    };
    assert.deepEqual(Object.keys(api).sort(), ['invoke', 'on']);
    const created = await api.invoke('clients:create', {
      name: 'Globex',
      integrations: ['jacquard'],
    });
    assert.equal(created.ok, true, JSON.stringify(created));
    const clientId = (created.value as { id: string }).id;
    const [window] = recorded.windows;
    assert.ok(window);
    const finishedSent = () =>
      window.webContents.sent.filter(
        (m) => (m.payload as { event?: string }).event === 'checks:finished',
      ).length;
    const untilSent = async (count: number) => {
      const deadline = Date.now() + 10_000;
      while (finishedSent() < count) {
        assert.ok(Date.now() < deadline, 'the run never finished');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };

    // A local check's run: main sends its events to every window, the page hears them.
    const heard: unknown[] = [];
    const off = api.on('checks:finished', (payload) => heard.push(payload));
    const sentBefore = finishedSent();
    await api.invoke('checks:run', { clientId, checkIds: ['jacquard.token'] });
    await untilSent(sentBefore + 1);
    assert.equal(heard.length, 1);
    off();
    await api.invoke('checks:run', { clientId, checkIds: ['jacquard.token'] });
    await untilSent(sentBefore + 2);
    assert.equal(heard.length, 1, 'a removed listener still hears events');
  });

  const exportPdf = async () => {
    const list = await invoke(appFrame, 'clients:list', {});
    const clientId = (list.value as unknown as Array<{ id: string }> | undefined)?.[0]?.id;
    assert.ok(clientId, JSON.stringify(list));
    const before = recorded.windows.length;
    const pdf = await invoke(appFrame, 'reports:export', { clientId, format: 'pdf' });
    const printer = recorded.windows[before];
    assert.ok(printer, 'no window printed the report');
    return { pdf, printer };
  };

  it('prints a PDF report in a hidden, script-less window from a private file, both gone after', async () => {
    const { pdf, printer } = await exportPdf();
    assert.equal(pdf.ok, true, JSON.stringify(pdf));
    assert.match(String(pdf.value?.fileName), /\.pdf$/);
    assert.deepEqual(printer.options, pdfWindowOptions);
    // A file, not a data: URL, which Chromium caps at 2 MB.
    assert.match(printer.url, /^file:\/\//);
    assert.match(printer.loadedFile ?? '', /^<!doctype html>/);
    assert.match(printer.loadedFile ?? '', /Content-Security-Policy" content="default-src 'none'/);
    assert.equal(
      existsSync(dirname(fileURLToPath(printer.url))),
      false,
      'the temporary folder stayed',
    );
    assert.equal(printer.destroyed, true);
  });

  it('removes the temporary report when printing fails, too', async () => {
    recorded.printFailure = new Error('the printer broke');
    try {
      const { pdf, printer } = await exportPdf();
      assert.equal(pdf.ok, false, JSON.stringify(pdf));
      assert.ok(printer.loadedFile, 'the report was written and loaded before printing');
      assert.equal(existsSync(dirname(fileURLToPath(printer.url))), false);
      assert.equal(printer.destroyed, true);
    } finally {
      recorded.printFailure = null;
    }
  });
});

describe('the built Electron main process started with --allow-insecure-loopback', () => {
  it('lets its services use plain http to loopback services', async () => {
    const home = await mkdtemp(join(tmpdir(), 'partner-setup-electron-switch-'));
    try {
      // Only the switch may allow it, not a variable inherited from the test run.
      const env: NodeJS.ProcessEnv = { ...process.env, PARTNER_SETUP_HOME: home };
      delete env.PARTNER_SETUP_ALLOW_INSECURE_LOOPBACK;
      const child = fileURLToPath(new URL('../support/electron-main-child.ts', import.meta.url));
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [child, '--allow-insecure-loopback'],
        { env, cwd: root, timeout: 60_000 },
      );
      const info = JSON.parse(stdout) as { ok: boolean; value?: Record<string, unknown> };
      assert.equal(info.ok, true, stdout);
      assert.equal(info.value?.mode, 'electron');
      assert.equal(info.value?.allowInsecureLoopback, true);
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });
});
