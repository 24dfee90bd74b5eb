import { writeSync } from 'node:fs';

/**
 * Loaded with `node --import` ahead of a command so a benchmark or a test can read the command's
 * own peak RSS, which a parent process cannot ask the system for once the child has exited
 * (`runCliMeasured` in cli-process.ts).
 */
process.on('exit', () => {
  writeSync(2, `\npeak-rss-kb ${process.resourceUsage().maxRSS}\n`);
});
