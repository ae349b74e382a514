// A bare Hocuspocus server (no extensions, no persistence) for bench/yjs-load.ts
// to compare against. Env: HOST, PORT. Prints "hocuspocus ready on <port>".
import { Server } from '@hocuspocus/server';

const server = new Server({
  port: Number(process.env.PORT ?? 0),
  address: process.env.HOST ?? '127.0.0.1',
  quiet: true,
  stopOnSignals: true,
});
await server.listen();
console.log(`hocuspocus ready on ${server.address.port}`);
