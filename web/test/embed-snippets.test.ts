import { describe, expect, it } from 'vitest';
import { attribute, elementSnippet, iframeSnippet, pageAddress } from '../src/embed/snippets.ts';
import { defaultScene } from '../src/scene/index.ts';
import { encodeHash } from '../src/state/url.ts';

const urls = {
  page: 'https://x.example/nn/index.html',
  script: 'https://x.example/nn/nn-playground.js',
};
const scene = defaultScene();
const link = encodeHash({ scene, hide: [] });

describe('embed snippets', () => {
  it('names index.html and drops the hash of the page address', () => {
    expect(pageAddress('https://x.example/nn/#scene=abc')).toBe('https://x.example/nn/index.html');
    expect(pageAddress('https://x.example/nn/index.html?x=1#a')).toBe(
      'https://x.example/nn/index.html?x=1',
    );
  });

  it('escapes what would end an attribute', () => {
    expect(attribute('a&b"c<d>')).toBe('a&amp;b&quot;c&lt;d&gt;');
  });

  it('gives the iframe the link with its options, sized for the view', () => {
    const choice = { scene, hide: ['noise'], lock: ['seed'], embed: true, origins: [] };
    expect(iframeSnippet(urls, choice)).toBe(
      `<iframe src="${urls.page}#${link}&amp;hide=noise&amp;lock=seed&amp;embed=1" width="560" ` +
        'height="520" title="nn-playground: a neural network learning, live" ' +
        'style="border: 0; max-width: 100%" loading="lazy"></iframe>',
    );
    const full = iframeSnippet(urls, { ...choice, embed: false, origins: ['https://a.example'] });
    expect(full).toContain(
      '&amp;lock=seed&amp;origins=https://a.example" width="1280" height="800"',
    );
  });

  it('gives the element the scene as a link and the ids as attributes', () => {
    const choice = { scene, hide: ['noise', 'text'], lock: [], embed: true, origins: [] };
    expect(elementSnippet(urls, choice)).toBe(
      `<script type="module" src="${urls.script}"></script>\n` +
        `<nn-playground link="#${link}" hide="noise,text" compact></nn-playground>`,
    );
  });
});
