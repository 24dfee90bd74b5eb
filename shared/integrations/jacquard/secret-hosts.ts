import { destinationOf, type ClientInputs } from '../../secret-hosts/destination.ts';
import { customS3Endpoint } from './s3-endpoint.ts';

/** AWS's S3 hosts: `s3.<region>.amazonaws.com` and the bucket's own `<bucket>.s3.…` names. */
const awsS3Hosts = 'https://*.amazonaws.com';

/**
 * Where the AWS keys go: the access key id travels in every signed request; the secret key never
 * leaves the computer but signs them, so it is bound to the same host. (The connect token is not
 * sent by the app at all: Braze sends it to Jacquard from the emails.)
 */
export function s3KeyHost(client: ClientInputs): string | null {
  const endpoint = customS3Endpoint(client);
  return endpoint ? destinationOf(endpoint) : awsS3Hosts;
}
