import * as http from 'node:http';
import * as https from 'node:https';
import { Client } from 'minio';
import type { S3BlobStoreConfig } from './s3-blob-store.config';
import { idleTimeoutTransport } from './s3-deadlines';
import { PART_SIZE } from './s3-staging-upload';

/**
 * The minio client as the store needs it: our part size (so an upload of unknown length holds two parts of memory,
 * not two of minio's 560 MiB ones), and requests that fail when their connection goes idle.
 */
export function createS3Client(config: S3BlobStoreConfig): Client {
  return new Client({
    endPoint: config.endPoint,
    port: config.port,
    useSSL: config.useSSL,
    accessKey: config.accessKey,
    secretKey: config.secretKey,
    region: config.region,
    partSize: PART_SIZE,
    transport: idleTimeoutTransport(config.useSSL, config.timeoutMs),
    transportAgent: new (config.useSSL ? https : http).Agent({ keepAlive: true }),
  });
}
