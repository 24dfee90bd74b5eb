import type { CheckBasis, CheckResult, JsonValue } from '../../shared/types/checks.ts';
import type { Client } from '../../shared/types/client.ts';
import type { SecretName } from '../../shared/integrations/lists.ts';
import { fingerprintOf, readKey, wholeRecord, type ReadKey } from './fingerprint.ts';
import type { SecretReader } from './types.ts';

/**
 * Records what one check reads of a client while it runs, so its result can say what it was
 * computed from (`CheckBasis`) without each check having to declare it, and without a check
 * being able to forget a read.
 */
export interface ReadTracker {
  /** The client as the check sees it: reading `inputs` or `artifacts` is recorded. */
  client: Client;
  /** The secrets as the check sees them: asking for one is recorded (the value never is). */
  secrets: SecretReader;
  /** A dependency's artifact handed to the check in this run: the client will hold it next. */
  noteArtifact(key: string, value: JsonValue | undefined): void;
  basis(extra: {
    endpoint: string | null;
    dependencies: ReadonlyMap<string, Pick<CheckResult, 'status'>>;
  }): CheckBasis;
}

const inherited = new Set(Object.getOwnPropertyNames(Object.prototype));

export function trackReads(client: Client, secrets: SecretReader): ReadTracker {
  const values = new Map<ReadKey, unknown>();
  const secretsUsed = new Set<SecretName>();
  const watch = <R extends 'inputs' | 'artifacts'>(record: R): Client[R] => {
    const target = client[record];
    const note = (key: string | symbol): void => {
      if (typeof key !== 'string' || inherited.has(key)) return;
      const read = readKey(record, key);
      if (!values.has(read)) values.set(read, Object.hasOwn(target, key) ? target[key] : undefined);
    };
    return new Proxy(target, {
      get(t, key, receiver) {
        note(key);
        return Reflect.get(t, key, receiver) as unknown;
      },
      has(t, key) {
        note(key);
        return Reflect.has(t, key);
      },
      getOwnPropertyDescriptor(t, key) {
        note(key);
        return Reflect.getOwnPropertyDescriptor(t, key);
      },
      ownKeys(t) {
        values.set(wholeRecord(record), target);
        return Reflect.ownKeys(t);
      },
    });
  };
  return {
    client: { ...client, inputs: watch('inputs'), artifacts: watch('artifacts') },
    secrets: {
      get(name) {
        secretsUsed.add(name);
        return secrets.get(name);
      },
    },
    noteArtifact(key, value) {
      // What the dependency saved this run, not what the client held before: that is what the
      // client holds once the run is recorded.
      values.set(readKey('artifacts', key), value);
    },
    basis({ endpoint, dependencies }) {
      return {
        reads: [...values.keys()].sort(),
        fingerprint: fingerprintOf(values),
        secretsSavedAt: Object.fromEntries(
          [...secretsUsed].sort().map((name) => [name, client.secrets[name]?.setAt ?? null]),
        ),
        endpoint,
        dependencies: Object.fromEntries(
          [...dependencies].map(([id, result]) => [id, result.status]),
        ),
      };
    },
  };
}
