// Markdown as text people wrote (vision, strategy, descriptions). react-markdown builds React
// elements and ignores raw HTML, so nothing written can run as script; links and images follow
// the shared rules (markdown-rules.tsx). Loaded on demand.
import ReactMarkdown from 'react-markdown';
import { markdownOptions } from './markdown-rules.tsx';

const options = markdownOptions();

export default function Markdown({ children }: { children: string }) {
  return <ReactMarkdown {...options}>{children}</ReactMarkdown>;
}
