// A basket-fit worker that dies on its first message, as a thread does that
// runs out of memory or hits a native fault (tests of WorkerBasketFitter).
const { parentPort } = require('node:worker_threads');

parentPort.on('message', () => process.exit(3));
