'use strict';
const { request } = require('node:http');
const { sampleRss } = require('./processes');
const { multipartUpload } = require('./pdf-body');

const MIB = 1024 * 1024;

/** Posts one upload and resolves once the answer is in. */
function postUpload(url, path, headers, upload) {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(url);
    const call = request(
      { host: hostname, port, method: 'POST', path, headers: { ...headers, 'content-type': upload.contentType, 'content-length': upload.length } },
      (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode, body: Buffer.concat(chunks).toString() }));
        response.on('error', reject);
      },
    );
    call.on('error', reject);
    upload.stream().pipe(call);
  });
}

/**
 * Uploads `count` files of `size` bytes one after the other and returns MB/s of file bytes. `target` says where
 * and as whom: `{ url, path(index), headers(index) }`.
 */
async function uploadRun(target, size, count, watchPid, format = 'pdf') {
  const sampler = watchPid ? sampleRss(watchPid) : null;
  let bytes = 0;
  const started = process.hrtime.bigint();
  for (let index = 0; index < count; index += 1) {
    const upload = multipartUpload(size, format);
    const answer = await postUpload(target.url, await target.path(index), await target.headers(index), upload);
    if (answer.status !== 201) {
      sampler?.stop();
      throw new Error(`upload of ${size} bytes answered ${answer.status}: ${answer.body.slice(0, 300)}`);
    }
    bytes += upload.fileBytes;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { size, count, seconds: round(seconds, 3), mbPerSecond: round(bytes / MIB / seconds, 1), peakRss: sampler ? sampler.stop() : null };
}

const round = (value, digits) => Number(value.toFixed(digits));

module.exports = { uploadRun, MIB };
