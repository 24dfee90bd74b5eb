import type { Command } from '../command.ts';

/** The one table of commands: `--help` lists it, and a command is loaded only when chosen. */
export interface CommandEntry {
  name: string;
  summary: string;
  /** Loaded only when chosen, so `partner-setup --help` starts fast. */
  load(): Promise<Command>;
}

export const commands: readonly CommandEntry[] = [
  {
    name: 'ui',
    summary: 'Open the app in your browser (browser mode, on 127.0.0.1 only).',
    load: async () => (await import('./ui.ts')).uiCommand,
  },
  {
    name: 'check',
    summary: 'Run a client’s automated checks, on the same engine as the app.',
    load: async () => (await import('./check.ts')).checkCommand,
  },
  {
    name: 'schema',
    summary: 'Print the JSON Schema of the client file (partner-setup schema client).',
    load: async () => (await import('./schema.ts')).schemaCommand,
  },
  {
    name: 'export',
    summary: 'Export a client as a JSON bundle or an HTML, Markdown or PDF report.',
    load: async () => (await import('./export.ts')).exportCommand,
  },
  {
    name: 'import',
    summary: 'Import a client from a JSON bundle.',
    load: async () => (await import('./import.ts')).importCommand,
  },
];
