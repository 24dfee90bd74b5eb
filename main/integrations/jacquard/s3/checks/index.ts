import type { CheckDefinition } from '../../../../checks/types.ts';
import { s3BucketCheck } from './bucket.ts';
import { s3CredentialsCheck } from './credentials.ts';
import { s3FolderCheck } from './folder.ts';
import { s3PermissionsCheck } from './permissions.ts';

export const s3Checks: readonly CheckDefinition[] = [
  s3CredentialsCheck,
  s3BucketCheck,
  s3PermissionsCheck,
  s3FolderCheck,
];
