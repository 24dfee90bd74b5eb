import { JACQUARD_BUCKET } from '../../../../shared/integrations/jacquard/guide.ts';
import { customS3Endpoint } from '../../../../shared/integrations/jacquard/s3-endpoint.ts';
import type { Client } from '../../../../shared/types/client.ts';

/** The Jacquard bucket settings a client recorded, tidied the way Braze will use them. */
export interface JacquardS3Inputs {
  bucket: string;
  /** Without leading/trailing slashes and with single separators; '' when none was recorded. */
  folder: string;
  /** What the CSM typed, for messages. */
  rawFolder: string;
  /** A custom S3 endpoint (local services), or null for AWS. */
  endpoint: string | null;
}

export const normaliseFolder = (folder: string): string =>
  folder
    .trim()
    .replace(/\/{2,}/g, '/')
    .replace(/^\/+|\/+$/g, '');

export function jacquardS3Inputs(client: Client): JacquardS3Inputs {
  const value = (id: string) => client.inputs[id]?.trim() ?? '';
  const rawFolder = client.inputs['jacquard.s3Folder'] ?? '';
  return {
    bucket: value('jacquard.s3Bucket') || JACQUARD_BUCKET,
    folder: normaliseFolder(rawFolder),
    rawFolder,
    endpoint: customS3Endpoint(client),
  };
}

/** The host S3 requests go to, for the engine's per-host cap. */
export function s3Host(client: Client): string {
  const { endpoint } = jacquardS3Inputs(client);
  return endpoint ? new URL(endpoint).host : 's3.amazonaws.com';
}
