// Preloaded (node --require) into every server when BENCH_SPLIT=1, whatever
// the server: for each read from a socket, the wall-clock time Node hands it
// to the server and the time of the first socket write the server makes while
// handling it (a keystroke's first send to a peer), -1 when it writes none.
// Written to $BENCH_SPLIT_DIR/<pid>.json as the process exits. It wraps two
// methods every server uses, so it costs each of them alike (~1 µs a read).
const net = require('node:net');
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

const origin = performance.timeOrigin;
const reads = [];
let readAt = -1;

const emit = net.Socket.prototype.emit;
net.Socket.prototype.emit = function (event, ...args) {
  if (event !== 'data' || readAt >= 0) return emit.call(this, event, ...args);
  readAt = origin + performance.now();
  const at = readAt;
  try {
    return emit.call(this, event, ...args);
  } finally {
    if (readAt >= 0) reads.push(at, -1); // handled without writing (or the write was queued for later)
    readAt = -1;
  }
};

const write = net.Socket.prototype.write;
net.Socket.prototype.write = function (...args) {
  if (readAt >= 0) {
    reads.push(readAt, origin + performance.now());
    readAt = -1;
  }
  return write.apply(this, args);
};

process.on('exit', () => writeFileSync(join(process.env.BENCH_SPLIT_DIR, `${process.pid}.json`), JSON.stringify(reads)));
