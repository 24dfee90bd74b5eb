import type { Page } from 'playwright-core';

// What a page held and received, for tests that look there for a secret.

/** Every response body and every server-sent event the page receives, from recording on. */
export interface Traffic {
  responses: Promise<{ url: string; text: string }>[];
  events: string[];
}

/** Starts recording the page's responses and server-sent events (before it navigates). */
export async function recordTraffic(page: Page): Promise<Traffic> {
  const traffic: Traffic = { responses: [], events: [] };
  page.on('response', (response) => {
    // The event stream never ends while the page is open; its messages are taken from CDP below.
    if ((response.headers()['content-type'] ?? '').startsWith('text/event-stream')) return;
    traffic.responses.push(
      response.body().then(
        (body) => ({ url: response.url(), text: body.toString('utf8') }),
        () => ({ url: response.url(), text: '' }),
      ),
    );
  });
  const cdp = await page.context().newCDPSession(page);
  cdp.on('Network.eventSourceMessageReceived', (message) => traffic.events.push(message.data));
  await cdp.send('Network.enable');
  return traffic;
}

/** What was received so far, once every body is in; `texts` says where each came from. */
export async function received(traffic: Traffic): Promise<{
  responses: number;
  events: number;
  texts: { where: string; text: string }[];
}> {
  const responses = await Promise.all(traffic.responses);
  const events = [...traffic.events];
  return {
    responses: responses.length,
    events: events.length,
    texts: [
      ...responses.map(({ url, text }) => ({
        where: `a response to ${new URL(url).pathname}`,
        text,
      })),
      ...events.map((text, i) => ({ where: `server-sent event ${i + 1}`, text })),
    ],
  };
}

/**
 * The page as the browser holds it: the DOM and every form control's current value (a typed value
 * is not in the markup). `skip` is a selector of controls to leave out, e.g. one the CSM has just
 * pasted their own token into.
 */
export async function pageText(page: Page, skip?: string): Promise<string> {
  return page.evaluate((skip) => {
    interface Node {
      value?: string;
      outerHTML: string;
      matches(selector: string): boolean;
      cloneNode(deep: boolean): Node;
      querySelectorAll(selector: string): ArrayLike<Node & { remove(): void }>;
    }
    const { document } = globalThis as unknown as { document: { documentElement: Node } };
    const root = document.documentElement;
    const copy = root.cloneNode(true);
    if (skip) for (const el of Array.from(copy.querySelectorAll(skip))) el.remove();
    const values = Array.from(root.querySelectorAll('input, textarea, select'))
      .filter((el) => !skip || !el.matches(skip))
      .map((el) => el.value ?? '');
    return `${copy.outerHTML}\n${values.join('\n')}`;
  }, skip ?? null);
}
