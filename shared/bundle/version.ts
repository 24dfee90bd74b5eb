/**
 * The version of the client file / bundle format this app writes. 1: the client file as first
 * published (settings only). 2: adds the review state (confirmations, check results) and a checksum.
 * 3: each check result may say what it was computed from (`basis`) and that it is `outdated`.
 */
export const bundleVersion = 3;
