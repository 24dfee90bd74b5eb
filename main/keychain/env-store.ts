import { AppError } from '../../shared/errors.ts';
import { secretEnvVars, type SecretName } from '../../shared/integrations/lists.ts';
import type { SecretStore } from './secret-store.ts';

/**
 * Secrets for `partner-setup check --client-file`, read from environment variables (never from
 * arguments, which other users can see in the process list). Read-only by design.
 */
export class EnvSecretStore implements SecretStore {
  private readonly env: NodeJS.ProcessEnv;

  constructor(env: NodeJS.ProcessEnv) {
    this.env = env;
  }

  get(_clientId: string, name: SecretName): Promise<string | null> {
    const value = this.env[secretEnvVars[name]]?.trim();
    return Promise.resolve(value ? value : null);
  }

  set(): Promise<void> {
    return Promise.reject(
      new AppError('BAD_REQUEST', 'Secrets from environment variables are read-only.'),
    );
  }

  delete(): Promise<boolean> {
    return Promise.reject(
      new AppError('BAD_REQUEST', 'Secrets from environment variables are read-only.'),
    );
  }
}
