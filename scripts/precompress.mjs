// Writes each built front-end file's compressed forms beside it, once, at
// build time: NAME.br (brotli at its highest quality) and NAME.gz (zopfli:
// a gzip stream, readable by every client, about 5 % smaller than gzip -9).
// The server sends the form a client accepts as it is (backend
// http/static_file.rs), instead of compressing on each request.
//
//   node scripts/precompress.mjs DIR|FILE...     (run by build-widget.sh and build-portal.sh)
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { createRequire } from "node:module";

// zopfli comes with the frontend's npm tools (frontend/package.json).
const { gzipAsync } = createRequire(new URL("../frontend/package.json", import.meta.url))("@gfx/zopfli");

const SERVED = /\.(js|wasm|css|html|json)$/;
// Zopfli's iterations: 15 is its default; more gains under 0.1 % here for seconds more.
const ITERATIONS = 15;

const files = process.argv
  .slice(2)
  .flatMap((path) => (statSync(path).isDirectory() ? readdirSync(path).map((f) => join(path, f)) : [path]))
  .filter((f) => SERVED.test(f));
for (const file of files) {
  const bytes = readFileSync(file);
  const br = brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      [constants.BROTLI_PARAM_MODE]: file.endsWith(".wasm") ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
    },
  });
  const gz = Buffer.from(await gzipAsync(bytes, { numiterations: ITERATIONS }));
  writeFileSync(`${file}.br`, br);
  writeFileSync(`${file}.gz`, gz);
}
