// Memory bench for WARC ingestion: writes a 10,000-record .warc.gz (HTML pages, requests, images; one gzip member
// per record) to a temporary folder, ingests it with the default pipeline into a fresh SQLite store, and reports
// resident memory sampled during the run. Flat memory means the last milestone is not above the first by much.
//
//   node --import tsx test/web/warc-memory-bench.ts [--records 10000] [--json] [--keep]

import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createPipeline } from '../../src/annotate.js';
import { runIngest } from '../../src/jobs/ingest-job.js';
import { openStore } from '../../src/store/open.js';
import { gzipRecord, warcRecord } from './warc-writer.js';

const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '10000' },
    json: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const total = Number(values.records);

/** A deterministic generator, so every run writes the same archive. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUBJECTS = [
  'The foreign minister',
  'A government spokesman',
  'The opposition leader',
  'Union officials',
  'The central bank',
  'Aid agencies',
  'The defence ministry',
  'Local councillors',
  'The port authority',
  'Election monitors',
  'The energy regulator',
  'Village elders',
];
const VERBS = [
  'said on Monday that',
  'warned on Tuesday that',
  'announced that',
  'denied reports that',
  'told reporters that',
  'confirmed on Friday that',
  'argued that',
  'insisted that',
];
const CLAIMS = [
  'talks would resume next week',
  'the border crossing would reopen',
  'fuel prices would rise again',
  'the ceasefire was holding',
  'a new fund had been agreed',
  'more troops would be sent to the north',
  'the vote count was nearly complete',
  'the strike would continue',
  'grain exports had doubled',
  'the bridge repairs were behind schedule',
  'relief flights had landed',
  'the inquiry would report in the spring',
];
const PLACES = [
  'in the capital',
  'near the coast',
  'in the northern provinces',
  'along the river',
  'at the summit venue',
  'in the delta region',
  'outside parliament',
  'at the main port',
];

const SYLLABLES = [
  'ka',
  'ro',
  'ten',
  'mi',
  'sul',
  'va',
  'dor',
  'el',
  'pri',
  'nos',
  'ta',
  'gen',
  'lo',
  'bar',
  'ist',
  'un',
];

function article(i: number): { title: string; html: string } {
  const r = rng(i + 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  // Names and places made of random syllables keep two generated stories from sharing many word shingles.
  const word = () => Array.from({ length: 2 + Math.floor(r() * 2) }, () => pick(SYLLABLES)).join('');
  const name = () =>
    `${word().replace(/^./, (c) => c.toUpperCase())} ${word().replace(/^./, (c) => c.toUpperCase())}`;
  const title = `${pick(SUBJECTS)} ${pick(VERBS).split(' ')[0]} ${pick(CLAIMS)} (report ${i})`;
  const paragraphs: string[] = [];
  const n = 6 + Math.floor(r() * 6);
  for (let p = 0; p < n; p++) {
    const sentences: string[] = [];
    for (let k = 0; k < 3; k++) {
      sentences.push(
        `${pick(SUBJECTS)} in ${name()} ${pick(VERBS)} ${pick(CLAIMS)} ${pick(PLACES)}, according to ${name()} of the ${word()} ${word()} office, who cited ${Math.floor(r() * 900 + 100)} cases.`,
      );
    }
    paragraphs.push(`<p>${sentences.join(' ')}</p>`);
  }
  const nav = Array.from({ length: 30 }, (_, k) => `<li><a href="/section/${k}">Section ${k}</a></li>`).join(
    '',
  );
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} | Bench Gazette</title>
<meta property="article:published_time" content="2022-0${1 + (i % 9)}-1${i % 10}T08:00:00Z"></head>
<body><header><nav><ul>${nav}</ul></nav></header><main><article><h1>${title}</h1>${paragraphs.join('\n')}</article>
<aside><h3>Most read</h3><ul>${nav}</ul></aside></main><footer><p>Subscribe to the Bench Gazette newsletter.</p></footer></body></html>`;
  return { title, html };
}

async function writeArchive(file: string): Promise<{ pages: number }> {
  const out = createWriteStream(file);
  let pages = 0;
  const write = (buf: Buffer) =>
    out.write(buf) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve()));
  await write(gzipRecord(warcRecord({ type: 'warcinfo', block: 'software: dyad warc-memory-bench\r\n' })));
  for (let i = 1; i < total; i++) {
    const uri = `https://bench.example/news/${i}`;
    let record: Buffer;
    if (i % 10 === 0) record = warcRecord({ type: 'request', uri });
    else if (i % 10 === 5) {
      record = warcRecord({
        type: 'response',
        uri: `${uri}.jpg`,
        headers: { 'Content-Type': 'image/jpeg' },
        body: Buffer.alloc(20_000, i % 251),
      });
    } else {
      record = warcRecord({
        type: 'response',
        uri,
        headers: { 'Content-Type': 'text/html; charset=utf-8' },
        body: article(i).html,
      });
      pages++;
    }
    await write(gzipRecord(record));
  }
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  return { pages };
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

const dir = mkdtempSync(path.join(tmpdir(), 'dyad-warc-bench-'));
try {
  const file = path.join(dir, 'bench.warc.gz');
  const written = await writeArchive(file);
  const fileBytes = statSync(file).size;
  const store = await openStore(path.join(dir, 'dyad.db'));
  const pipeline = await createPipeline().load();
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const milestones: { read: number; rssMB: number; heapMB: number }[] = [];
  const every = Math.max(100, Math.round(total / 20));
  let next = every;
  const started = performance.now();
  const summary = await runIngest([file], {
    store,
    pipeline,
    onProgress: (counts) => {
      const rss = process.memoryUsage().rss;
      peak = Math.max(peak, rss);
      if (counts.read >= next) {
        milestones.push({ read: counts.read, rssMB: mb(rss), heapMB: mb(process.memoryUsage().heapUsed) });
        next += every;
      }
    },
  });
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  await store.close();
  const figures = {
    records: total,
    htmlRecords: written.pages,
    fileMB: mb(fileBytes),
    stored: summary.stored,
    duplicates: summary.duplicates,
    failed: summary.failed,
    seconds: Math.round(seconds * 10) / 10,
    pagesPerSecond: Math.round((summary.read / seconds) * 10) / 10,
    baselineRssMB: mb(baseline),
    peakRssMB: mb(peak),
    milestones,
  };
  if (values.json) process.stdout.write(`${JSON.stringify(figures)}\n`);
  else {
    process.stdout.write(
      `WARC ${figures.records} records (${figures.htmlRecords} HTML pages), ${figures.fileMB} MB gzipped\n` +
        `stored ${figures.stored}, duplicates ${figures.duplicates}, failed ${figures.failed} in ${figures.seconds}s (${figures.pagesPerSecond} pages/s)\n` +
        `RSS: ${figures.baselineRssMB} MB before, peak ${figures.peakRssMB} MB\n` +
        `RSS (V8 heap) by pages read: ${milestones.map((m) => `${m.read}: ${m.rssMB} (${m.heapMB}) MB`).join(', ')}\n`,
    );
  }
} finally {
  if (!values.keep) rmSync(dir, { recursive: true, force: true });
}
