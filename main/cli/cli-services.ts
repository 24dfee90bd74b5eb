import { withInsecureLoopbackSwitch } from '../net/url-policy.ts';
import { createServices, type Mode, type Services } from '../services.ts';
import { resolveHome } from '../store/paths.ts';
import type { CliIo } from './command.ts';

/**
 * The services a command works on: the app's own store and keychain. A store file found unreadable
 * is moved aside and said on stderr at once, since a terminal has no banner to show it in.
 */
export async function openCliServices(
  io: CliIo,
  options: { mode?: Mode; allowInsecureLoopback?: boolean } = {},
): Promise<Services> {
  const services = await createServices({
    home: resolveHome(io.env),
    mode: options.mode ?? 'cli',
    env: withInsecureLoopbackSwitch(io.env, options.allowInsecureLoopback ?? false),
  });
  const issue = services.store.issue;
  if (issue) {
    const { t } = services;
    const detail = issue.kind === 'corrupt' ? 'app:banners.storeCorrupt' : 'app:banners.storeNewer';
    io.stderr.lines(`${t('app:banners.storeTitle')} ${t(detail, { path: issue.movedTo })}`);
  }
  return services;
}
