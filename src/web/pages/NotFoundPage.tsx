// An address the app does not know: said plainly, with a way back and home.
import { Box, rem } from '@mantine/core';
import ProblemView from './problem/ProblemView.tsx';

export default function NotFoundPage() {
  return (
    <Box component="main" maw={rem(720)} mx="auto" px="md">
      <ProblemView problem="unknownAddress" />
    </Box>
  );
}
