/**
 * Reads the arguments of a `{% connected_content <URL> [:option value …] %}` tag the way Braze
 * documents it: the URL first (it may contain Liquid), then `:name value` options.
 */

export interface ConnectedContentCall {
  url: string;
  options: Array<{ name: string; value: string }>;
  /** Characters before the URL (an option placed first, for instance). */
  leading: string;
}

/** Liquid inside a URL or a value (`{{…}}`) may hold spaces; they do not end the URL. */
function urlEnd(args: string): number {
  let depth = 0;
  for (let i = 0; i < args.length; i++) {
    if (args.startsWith('{{', i)) depth++;
    else if (args.startsWith('}}', i)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && /\s/.test(args[i]!)) return i;
  }
  return args.length;
}

export function parseConnectedContent(args: string): ConnectedContentCall {
  const trimmed = args.trim();
  const end = urlEnd(trimmed);
  const first = trimmed.slice(0, end);
  const leading = first.startsWith(':') ? first : '';
  const url = leading ? '' : first;
  const rest = leading ? trimmed : trimmed.slice(end);
  const options: ConnectedContentCall['options'] = [];
  const marker = /(?:^|\s):([A-Za-z_]+)/g;
  const found = [...rest.matchAll(marker)];
  found.forEach((m, i) => {
    const start = m.index + m[0].length;
    const stop = found[i + 1]?.index ?? rest.length;
    options.push({ name: m[1]!, value: rest.slice(start, stop).trim() });
  });
  return { url, options, leading };
}

/** Host and port of a URL whose Liquid parts are set aside; null when it is not an http(s) URL. */
export function urlParts(url: string): { protocol: string; port: number; host: string } | null {
  const plain = url.replace(/\{\{.*?\}\}|\{%.*?%\}/g, 'x');
  const m = /^(https?):\/\/([^/:?#]+)(?::(\d+))?/i.exec(plain);
  if (!m) return null;
  const protocol = m[1]!.toLowerCase();
  return { protocol, host: m[2]!, port: m[3] ? Number(m[3]) : protocol === 'https' ? 443 : 80 };
}
