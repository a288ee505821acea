'use strict';
// The upload baseline: a bare Node HTTP server that pipes each request body to a new file and syncs it to disk
// before answering, as the vault does with a blob. No parsing, no hashing, no database: the floor for the same bytes.
const { createWriteStream } = require('node:fs');
const { rm } = require('node:fs/promises');
const { createServer } = require('node:http');
const { join } = require('node:path');
const { pipeline } = require('node:stream/promises');
const { randomUUID } = require('node:crypto');

const dir = process.argv[2];
const server = createServer((request, response) => {
  if (request.method === 'GET') {
    response.writeHead(200).end();
    return;
  }
  const file = join(dir, randomUUID());
  let size = 0;
  request.on('data', (chunk) => (size += chunk.length));
  pipeline(request, createWriteStream(file, { flush: true })).then(
    () => {
      response.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ size }));
      // The next upload should find the disk as empty as the vault's would be.
      void rm(file, { force: true });
    },
    () => response.writeHead(500).end(),
  );
});
server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
