// Time to the page's ready mark for two (or more) builds, loaded alternately so that a machine's
// changing load falls on each alike: `node bench/ready-ab.mjs <dist A> <dist B> …` (ROUNDS, default
// 9, loads of each; a fresh browser context per load, every response gzipped as
// bench-budgets.mjs serves it). Prints each build's median and its loads, in ms.
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';
import { resolve } from 'node:path';
import { startGzipServer } from './gzip-server.mjs';
import { readyTime } from './ready-mark.mjs';

const dists = process.argv.slice(2).map((dist) => resolve(dist));
if (dists.length === 0) throw new Error('usage: node bench/ready-ab.mjs <dist A> <dist B> …');
const ROUNDS = Number(process.env.ROUNDS ?? 9);
const servers = await Promise.all(dists.map((dist) => startGzipServer(dist)));
const browser = await chromium.launch(chromiumLaunchOptions);
const times = dists.map(() => []);
try {
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, { port }] of servers.entries()) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const ready = await readyTime(page);
      await page.goto(`http://127.0.0.1:${port}/`);
      times[i].push(Math.round((await ready()).ms));
      await context.close();
    }
  }
} finally {
  await browser.close();
  for (const { server } of servers) server.close();
}
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
for (const [i, dist] of dists.entries()) {
  console.log(`${dist}: median ${median(times[i])} ms (${times[i].join(', ')})`);
}
