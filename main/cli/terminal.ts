import { escapeControlCharacters } from '../../shared/text/control-characters.ts';

/** A stretch of a line shown in a colour (an SGR code: 32 green …) where colour is allowed. */
export interface Painted {
  readonly sgr: number;
  readonly text: string;
}

/** One line of output: text, or text with painted stretches. Never includes its line feed. */
export type TerminalLine = string | readonly (string | Painted)[];

/**
 * Where the CLI writes for a person. Every line goes through `escapeControlCharacters`, whatever
 * it holds (a client's name, a service's message, a path typed on the command line), so nothing in
 * it can clear the screen, set the window title or start a line of its own; the only control
 * sequences that reach the terminal are the colours written here.
 */
export interface TerminalOutput {
  readonly isTTY: boolean;
  lines(...lines: readonly TerminalLine[]): void;
  /**
   * A file's own bytes (`export --out -`), as `cat` would pass them on; on a terminal, the text is
   * escaped except for its line feeds, which are the file's own lines.
   */
  file(bytes: Uint8Array): void;
}

/** What the process hands the CLI. */
export interface ProcessStream {
  write(chunk: string | Uint8Array): unknown;
  isTTY?: boolean;
}

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function terminalOutput(stream: ProcessStream, env: NodeJS.ProcessEnv): TerminalOutput {
  const isTTY = stream.isTTY === true;
  const colour = isTTY && (env.NO_COLOR ?? '') === '';
  const render = (line: TerminalLine): string =>
    typeof line === 'string'
      ? escapeControlCharacters(line)
      : line
          .map((part) => {
            if (typeof part === 'string') return escapeControlCharacters(part);
            const text = escapeControlCharacters(part.text);
            return colour ? `\u001b[${part.sgr}m${text}\u001b[0m` : text;
          })
          .join('');
  return {
    isTTY,
    lines: (...lines) => {
      if (lines.length > 0) stream.write(`${lines.map(render).join('\n')}\n`);
    },
    file: (bytes) => {
      if (!isTTY) return void stream.write(bytes);
      const text = Buffer.from(bytes).toString('utf8');
      stream.write(text.split('\n').map(escapeControlCharacters).join('\n'));
    },
  };
}

/** Text written with line feeds (a usage, a stack trace) as the lines it holds. */
export const linesOf = (text: string): string[] => text.replace(/\n$/, '').split('\n');
