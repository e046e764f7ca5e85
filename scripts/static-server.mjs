// A tiny static file server on 127.0.0.1 for the demo, tests and benchmarks.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** Serves `root` (and, under /__extra/<name>/, any of `extra`) on a free port. */
export async function serveDirectory(root, extra = {}) {
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      let base = root;
      let rel = path;
      const m = /^\/__extra\/([^/]+)(\/.*)$/.exec(path);
      if (m && extra[m[1]]) {
        base = extra[m[1]];
        rel = m[2];
      }
      const file = normalize(join(base, rel));
      if (!file.startsWith(normalize(base) + sep) && file !== normalize(base)) throw new Error('outside');
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(await readFile(file));
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, server, close: () => server.close() };
}
