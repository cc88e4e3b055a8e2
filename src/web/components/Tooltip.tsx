// Mantine's Tooltip (with floating-ui): a chunk of its own, loaded on the first hover of a
// HoverTooltip.
import '../styles/mantine-pages.css';
export { Tooltip as default } from '@mantine/core';
