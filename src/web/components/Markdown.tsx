// Markdown as text people wrote (vision, strategy, comments). react-markdown builds React
// elements and ignores raw HTML, so nothing written can run as script. Loaded on demand.
import ReactMarkdown from 'react-markdown';

export default function Markdown({ children }: { children: string }) {
  return <ReactMarkdown skipHtml>{children}</ReactMarkdown>;
}
