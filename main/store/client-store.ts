import { mkdir } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { AppError } from '../../shared/errors.ts';
import { ClientSchema, type Client, type ClientSummary } from '../../shared/types/client.ts';
import type { IntegrationId } from '../../shared/integrations/lists.ts';
import { SettingsSchema, type Settings } from '../../shared/types/settings.ts';
import { withFileLock } from './file-lock.ts';
import { storeFileName } from './paths.ts';
import type { StoreFile } from './schema.ts';
import {
  dismissStoreIssue,
  loadStoreFile,
  removeStaleTempFiles,
  saveStoreFile,
  stampOf,
  type FileStamp,
  type LoadedStore,
  type StoreIssue,
} from './store-file.ts';

export interface StoreOptions {
  now?: () => Date;
  /** Translated text for a client id that is not (or no longer) in the store. */
  notFoundMessage?: () => string;
}

export interface NewClient {
  name: string;
  integrations: IntegrationId[];
}

/**
 * Clients and settings, persisted as one versioned JSON file in the home folder. Every change is
 * a locked read-modify-write, so the app and the CLI can both write without losing each other's
 * updates, and every saved state is validated first.
 */
export class ClientStore {
  readonly file: string;
  private storeIssue: StoreIssue | null;
  private data: StoreFile;
  private stamp: FileStamp | null;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly options: Required<StoreOptions>;

  private constructor(
    file: string,
    loaded: LoadedStore,
    stamp: FileStamp | null,
    options: Required<StoreOptions>,
  ) {
    this.file = file;
    this.data = loaded.data;
    this.storeIssue = loaded.issue;
    this.stamp = stamp;
    this.options = options;
  }

  /** A store file found unreadable and moved aside, until the CSM dismisses the notice. */
  get issue(): StoreIssue | null {
    return this.storeIssue;
  }

  async dismissIssue(): Promise<void> {
    await dismissStoreIssue(this.file);
    this.storeIssue = null;
  }

  static async open(home: string, options: StoreOptions = {}): Promise<ClientStore> {
    const resolved = {
      now: () => new Date(),
      notFoundMessage: () => 'Client not found.',
      ...options,
    };
    await mkdir(home, { recursive: true, mode: 0o700 });
    const file = join(home, storeFileName);
    const loaded = await loadStoreFile(file, resolved.now);
    await removeStaleTempFiles(file);
    return new ClientStore(file, loaded, await stampOf(file), resolved);
  }

  list(): ClientSummary[] {
    return this.all().map(({ id, name, integrations, createdAt, updatedAt }) => ({
      id,
      name,
      integrations,
      createdAt,
      updatedAt,
    }));
  }

  /**
   * Every client, by name, without copying them: for read-only passes over the whole store (the
   * dashboard's 500 clients). Changes go through `update`.
   */
  all(): readonly Readonly<Client>[] {
    return [...this.data.clients].sort((a, b) => a.name.localeCompare(b.name));
  }

  get(id: string): Client {
    const client = this.data.clients.find((c) => c.id === id);
    if (!client) throw this.notFound();
    return structuredClone(client);
  }

  /** Case-insensitive, as CSMs type names in a terminal. */
  findByName(name: string): Client | undefined {
    const wanted = name.trim().toLocaleLowerCase();
    const client = this.data.clients.find((c) => c.name.toLocaleLowerCase() === wanted);
    return client && structuredClone(client);
  }

  settings(): Settings {
    return { ...this.data.settings };
  }

  /** Re-reads the file if another process changed it since this one last saw it. */
  async refresh(): Promise<void> {
    await this.serialized(() => this.reloadIfChanged());
  }

  async create({ name, integrations }: NewClient): Promise<Client> {
    const at = this.options.now().toISOString();
    const client: Client = {
      id: randomUUID(),
      name: name.trim(),
      integrations: [...new Set(integrations)],
      createdAt: at,
      updatedAt: at,
      inputs: {},
      confirmations: {},
      secrets: {},
      checkResults: {},
      artifacts: {},
    };
    await this.mutate((data) => {
      data.clients.push(ClientSchema.parse(client));
    });
    return this.get(client.id);
  }

  /** Applies `change` to a copy of the client, validates it, then saves. */
  async update(id: string, change: (draft: Client) => void): Promise<Client> {
    await this.mutate((data) => {
      const index = data.clients.findIndex((c) => c.id === id);
      const current = data.clients[index];
      if (!current) throw this.notFound();
      const draft = structuredClone(current);
      change(draft);
      draft.updatedAt = this.options.now().toISOString();
      data.clients[index] = ClientSchema.parse(draft);
    });
    return this.get(id);
  }

  async remove(id: string): Promise<void> {
    await this.mutate((data) => {
      const before = data.clients.length;
      data.clients = data.clients.filter((c) => c.id !== id);
      if (data.clients.length === before) throw this.notFound();
    });
  }

  async updateSettings(patch: Partial<Settings>): Promise<Settings> {
    await this.mutate((data) => {
      data.settings = SettingsSchema.parse({ ...data.settings, ...patch });
    });
    return this.settings();
  }

  private notFound(): AppError {
    return new AppError('NOT_FOUND', this.options.notFoundMessage());
  }

  private async mutate(change: (data: StoreFile) => void): Promise<void> {
    await this.serialized(() =>
      withFileLock(`${this.file}.lock`, async () => {
        await this.reloadIfChanged();
        const next = structuredClone(this.data);
        change(next);
        await saveStoreFile(this.file, next);
        this.data = next;
        this.stamp = await stampOf(this.file);
      }),
    );
  }

  private async reloadIfChanged(): Promise<void> {
    const stamp = await stampOf(this.file);
    if (!stamp || (this.stamp && sameStamp(stamp, this.stamp))) return;
    const { data } = await loadStoreFile(this.file, this.options.now);
    this.data = data;
    // The stamp taken before reading: a save landing meanwhile makes the next refresh read again.
    this.stamp = stamp;
  }

  /** One change at a time within this process; the file lock covers other processes. */
  private serialized<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

// Atomic saves rename a new file into place, so the inode changes on every write.
const sameStamp = (a: FileStamp, b: FileStamp): boolean =>
  a.ino === b.ino && a.mtimeMs === b.mtimeMs && a.size === b.size;
