import { mkdir } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { AppError } from '../../shared/errors.ts';
import { ClientSchema, type Client, type ClientSummary } from '../../shared/types/client.ts';
import type { IntegrationId } from '../../shared/integrations/lists.ts';
import { SettingsSchema, type Settings } from '../../shared/types/settings.ts';
import { markOutdatedResults } from '../checks/freshness.ts';
import { withFileLock } from './file-lock.ts';
import { storeFileName } from './paths.ts';
import { emptyStore, type StoreFile } from './schema.ts';
import {
  dismissStoreIssue,
  moveStoreAside,
  readIssueFile,
  readStoreFile,
  removeStaleTempFiles,
  saveStoreFile,
  type StoreIssue,
} from './store-file.ts';

export interface StoreOptions {
  now?: () => Date;
  /** Translated text for a client id that is not (or no longer) in the store. */
  notFoundMessage?: () => string;
  /** Test seam: runs after each read of the store file (another process may save meanwhile). */
  afterRead?: () => Promise<void>;
}

export interface NewClient {
  name: string;
  integrations: IntegrationId[];
  /** Chosen ahead when something must be keyed by it before the save (an import's redaction). */
  id?: string;
  /** What the client arrives with (an imported bundle's); a new client starts with nothing. */
  content?: Partial<Pick<Client, 'inputs' | 'confirmations' | 'checkResults' | 'artifacts'>>;
}

/** The clients as saved at the moment a change is made, for a change that depends on the others. */
export type SavedClients = Pick<ClientStore, 'list' | 'findByName'>;

/**
 * Clients and settings, persisted as one versioned JSON file in the home folder. Every change is
 * a locked read-modify-write that starts from the file as it is at that moment, so the app and
 * the CLI can both write without losing each other's updates, and every saved state is validated
 * first.
 */
export class ClientStore {
  readonly file: string;
  private readonly lockFile: string;
  private storeIssue: StoreIssue | null = null;
  private data: StoreFile = emptyStore();
  /**
   * Digest of the bytes `data` was read from or saved as (null before either). The file is
   * compared by content: after a rename the next file may get the freed inode, and file times
   * move by the clock's tick, so two saves can look alike from outside.
   */
  private digest: string | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly options: Required<StoreOptions>;

  private constructor(file: string, options: Required<StoreOptions>) {
    this.file = file;
    this.lockFile = `${file}.lock`;
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
      afterRead: () => Promise.resolve(),
      ...options,
    };
    await mkdir(home, { recursive: true, mode: 0o700 });
    const store = new ClientStore(join(home, storeFileName), resolved);
    await store.reload('unlocked');
    store.storeIssue ??= await readIssueFile(store.file);
    await removeStaleTempFiles(store.file);
    return store;
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
    await this.serialized(() => this.reload('unlocked'));
  }

  /**
   * Adds a client in one save. Given a function, it is called with the clients as saved at that
   * moment, so what it decides from them (a name no one has) still holds when the client is
   * added; it may throw, and then nothing is saved.
   */
  async create(fields: NewClient | ((saved: SavedClients) => NewClient)): Promise<Client> {
    const id = await this.mutate((data) => {
      const {
        name,
        integrations,
        id = randomUUID(),
        content,
      } = typeof fields === 'function' ? fields(this) : fields;
      const at = this.options.now().toISOString();
      const client: Client = {
        id,
        name: name.trim(),
        integrations: [...new Set(integrations)],
        createdAt: at,
        updatedAt: at,
        inputs: {},
        confirmations: {},
        secrets: {},
        checkResults: {},
        artifacts: {},
        ...structuredClone(content),
      };
      data.clients.push(ClientSchema.parse(client));
      return id;
    });
    return this.get(id);
  }

  /**
   * Applies `change` to a copy of the client, marks the check results it made outdated (a new
   * input, secret or plan), validates it, then saves.
   */
  async update(id: string, change: (draft: Client) => void): Promise<Client> {
    await this.mutate((data) => {
      const index = data.clients.findIndex((c) => c.id === id);
      const current = data.clients[index];
      if (!current) throw this.notFound();
      const draft = structuredClone(current);
      change(draft);
      markOutdatedResults(draft);
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

  /** Applies `change` to a copy of the store as the file holds it now, then saves that copy. */
  private async mutate<T>(change: (data: StoreFile) => T): Promise<T> {
    return this.serialized(() =>
      withFileLock(this.lockFile, async () => {
        await this.reload('locked');
        const next = structuredClone(this.data);
        const result = change(next);
        this.digest = await saveStoreFile(this.file, next);
        this.data = next;
        return result;
      }),
    );
  }

  /**
   * Brings the copy in memory up to the file, if its content changed since this process last read
   * or saved it. A missing file keeps the copy (the next save writes it back).
   */
  private async reload(lock: 'locked' | 'unlocked'): Promise<void> {
    const found = await readStoreFile(this.file, this.digest);
    await this.options.afterRead();
    if (found.state === 'missing' || found.state === 'unchanged') return;
    if (found.state === 'valid') {
      this.data = found.data;
      this.digest = found.digest;
      return;
    }
    // Moved aside only under the lock and as read again there: a save another process made
    // meanwhile is never what moves aside.
    if (lock === 'unlocked') return withFileLock(this.lockFile, () => this.reload('locked'));
    this.storeIssue = await moveStoreAside(this.file, found.kind, this.options.now());
    this.data = emptyStore();
    this.digest = null;
  }

  /** One change at a time within this process; the file lock covers other processes. */
  private serialized<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
