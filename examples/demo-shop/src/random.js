'use strict';

const crypto = require('node:crypto');

// Each process draws from its own stream, derived from DEMO_SHOP_SEED and a
// stream name. With a seed and one request at a time, every decision that
// shapes a trace (route mix, page sizes, slow paths, failures) repeats exactly
// from run to run. Without a seed every run differs.
const SEED =
  process.env.DEMO_SHOP_SEED || crypto.randomBytes(8).toString('hex');

// FNV-1a: turns "seed:stream" into a 32-bit starting state.
function hash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

// mulberry32: small, fast and good enough for simulated traffic.
function createRandom(stream) {
  let state = hash(`${SEED}:${stream}`);
  function next() {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  return {
    next,
    chance: probability => next() < probability,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: items => items[Math.floor(next() * items.length)],
  };
}

// Simulated processing time. Deliberately not seeded: latencies never repeat
// exactly anyway, and drawing them from a stream would shift the decisions
// that follow.
function jitter(minMs, maxMs) {
  return minMs + Math.random() * (maxMs - minMs);
}

module.exports = { createRandom, jitter };
