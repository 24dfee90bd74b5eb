/** A custom S3 endpoint the CSM recorded (a local S3-compatible service), or null for AWS. */
export const customS3Endpoint = (client: { inputs: Record<string, string> }): string | null =>
  client.inputs['jacquard.s3Endpoint']?.trim() || null;
