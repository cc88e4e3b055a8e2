import { describe, expect, it } from 'vitest';
import { safeImageSource, safeLinkTarget } from './safe-link.ts';

describe('safeLinkTarget', () => {
  const rows: [string, string][] = [
    ['https://example.com/a?b=c', 'https://example.com/a?b=c'],
    ['http://example.com', 'http://example.com'],
    ['mailto:sara@example.com', 'mailto:sara@example.com'],
    ['/orgs/x/objectives/y', '/orgs/x/objectives/y'],
    ['#comment-1', '#comment-1'],
    ['mention:0b6a3f0e-6c1d-4f5e-9a57-2f1e0c3d4b5a', 'mention:0b6a3f0e-6c1d-4f5e-9a57-2f1e0c3d4b5a'],
    ['javascript:alert(1)', ''],
    ['JavaScript:alert(1)', ''],
    [' javascript:alert(1)', ''],
    ['java\tscript:alert(1)', ''],
    ['java\nscript:alert(1)', ''],
    ['data:text/html;base64,PHNjcmlwdD4=', ''],
    ['vbscript:msgbox(1)', ''],
    ['file:///etc/passwd', ''],
    ['//evil.example/x', ''],
    ['\\\\evil.example\\x', ''],
    ['mention:not-a-uuid', ''],
    ['page?x=a:b', 'page?x=a:b'],
  ];
  it.each(rows)('%j → %j', (href, target) => expect(safeLinkTarget(href)).toBe(target));
});

describe('safeImageSource', () => {
  const rows: [string, string][] = [
    ['/logo.png', '/logo.png'],
    ['bild.png', 'bild.png'],
    ['data:image/png;base64,iVBORw0KGgo=', 'data:image/png;base64,iVBORw0KGgo='],
    ['DATA:image/gif;base64,R0lGOD=', 'DATA:image/gif;base64,R0lGOD='],
    ['http://127.0.0.1:9/pixel.png', ''],
    ['https://tracker.example/p.gif?who=sara', ''],
    ['HTTPS://tracker.example/p.gif', ''],
    ['//tracker.example/p.gif', ''],
    ['/\\tracker.example/p.gif', ''],
    ['/\t/tracker.example/p.gif', ''],
    [' https://tracker.example/p.gif', ''],
    ['data:text/html;base64,PHNjcmlwdD4=', ''],
    ['javascript:alert(1)', ''],
    ['blob:https://tracker.example/1', ''],
  ];
  it.each(rows)('%j → %j', (src, loaded) => expect(safeImageSource(src)).toBe(loaded));
});
