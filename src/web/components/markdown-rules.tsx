// What every rendering of written Markdown shares (a description, the strategy, a comment):
// raw HTML is skipped, links keep only safe targets, and an image loads only from this site
// (core/safe-link.ts). An image from anywhere else — a tracking pixel would tell its host who
// read the text, and when — is shown as a link named by its alt text, to open on purpose.
import type { Components, Options, UrlTransform } from 'react-markdown';
import { safeImageSource, safeLinkTarget } from '../../core/safe-link.ts';

/** Links are made safe here; an image's address is judged by MarkdownImage, which knows it is one. */
const urlTransform: UrlTransform = (url, key) => (key === 'src' ? url : safeLinkTarget(url));

const MarkdownImage: Components['img'] = ({ src, alt }) => {
  const address = typeof src === 'string' ? src : '';
  const loaded = safeImageSource(address);
  if (loaded) return <img src={loaded} alt={alt ?? ''} />;
  const target = safeLinkTarget(address);
  if (!target) return alt ? <span>{alt}</span> : null;
  return (
    <a href={target} target="_blank" rel="noopener noreferrer nofollow ugc">
      {alt || target}
    </a>
  );
};

/** react-markdown's options for text people wrote; `components` may add to the image rule. */
export function markdownOptions(components: Components = {}): Options {
  return { skipHtml: true, urlTransform, components: { ...components, img: MarkdownImage } };
}
