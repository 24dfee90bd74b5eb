import { SecretScrubber } from '../redaction/secret-scrubber.ts';
import type { SecretReader } from './types.ts';

/**
 * A run's secrets, read through one reader that remembers every value it hands out, and the
 * scrubber that removes those values from whatever the run's checks report. A check can only send
 * a secret it read here, so whatever a service quotes back is a secret the scrubber knows.
 */
export function scrubbedRunSecrets(reader: SecretReader): {
  secrets: SecretReader;
  scrubber: SecretScrubber;
} {
  const scrubber = new SecretScrubber();
  return {
    scrubber,
    secrets: {
      get: async (name) => {
        const value = await reader.get(name);
        scrubber.add(value);
        return value;
      },
    },
  };
}
