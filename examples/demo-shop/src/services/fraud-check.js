'use strict';

const { setTimeout: sleep } = require('node:timers/promises');
const { jitter } = require('../random');

// A stand-in risk model: big baskets are riskier.
module.exports = () => ({
  'POST /scores': async ({ body = {} }) => {
    await sleep(jitter(8, 25));
    const score = Math.min(
      0.95,
      0.05 + (Number(body.amountCents) || 0) / 200000,
    );
    return {
      body: {
        score: Math.round(score * 100) / 100,
        decision: score > 0.8 ? 'review' : 'approve',
      },
    };
  },
});
