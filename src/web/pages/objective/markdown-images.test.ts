// Images in written text (an objective's description, the strategy, a comment) load only
// from this site: one from another host is a link named by its alt text, never an <img> the
// page fetches as it opens (a tracking pixel). One rule for every rendering
// (components/markdown-rules.tsx). Here, beside the objective page, whose description is
// where such an image would most likely be written; the web app's unit tests are under pages/.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import Markdown from '../../components/Markdown.tsx';
import { simpleMarkdown } from '../../components/simple-markdown.tsx';
import CommentMarkdown from '../conversation/CommentMarkdown.tsx';

const renderings = {
  'a description or the strategy': (source: string) => renderToStaticMarkup(createElement(Markdown, null, source)),
  'a comment': (source: string) => renderToStaticMarkup(createElement(CommentMarkdown, null, source)),
};
const LINK = 'target="_blank" rel="noopener noreferrer nofollow ugc"';
const PIXEL = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';

describe.each(Object.entries(renderings))('images in %s', (_name, render) => {
  it('show an image from another host as a link named by its alt text, never loaded', () => {
    for (const address of ['http://127.0.0.1:8123/pixel.png', 'https://tracker.example/p.gif?who=sara']) {
      const html = render(`Se här: ![Diagram](${address})`);
      expect(html).not.toContain('<img');
      expect(html).toContain(`<a href="${address.replace('&', '&amp;')}" ${LINK}>Diagram</a>`);
    }
  });

  it('name the link by its address when the image has no alt text', () => {
    expect(render('![](https://tracker.example/p.gif)')).toBe(
      `<p><a href="https://tracker.example/p.gif" ${LINK}>https://tracker.example/p.gif</a></p>`,
    );
  });

  it('load nothing from a protocol-relative address, and keep no unsafe target', () => {
    expect(render('![Diagram](//tracker.example/p.gif)')).toBe('<p><span>Diagram</span></p>');
    expect(render('![Diagram](javascript:alert(1))')).toBe('<p><span>Diagram</span></p>');
    expect(render('![](//tracker.example/p.gif)')).toBe('<p></p>');
  });

  it('load an image from this site or a data: image', () => {
    // (React's server rendering adds a preload of the image before it.)
    expect(render('![Logga](/logo.png)')).toContain('<p><img src="/logo.png" alt="Logga"/></p>');
    expect(render(`![Punkt](${PIXEL})`)).toContain(`<p><img src="${PIXEL}" alt="Punkt"/></p>`);
  });

  it('keep links to safe targets only', () => {
    expect(render('[Läs mer](https://example.com/a)')).toContain('href="https://example.com/a"');
    expect(render('[Klicka](javascript:alert(1))')).not.toContain('javascript:');
  });
});

describe('the fast path for plain text', () => {
  it('leaves every image to the renderer with the image rule', () => {
    expect(simpleMarkdown('Se här: ![Diagram](https://tracker.example/p.gif)')).toBeNull();
  });
});
