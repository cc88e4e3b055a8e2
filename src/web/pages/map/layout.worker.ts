// Lays the alignment map out off the main thread, so the page stays responsive while a
// large map is laid out. Typed arrays in, typed arrays out (transferred, not copied).
import type { LayoutInput } from './layout-input.ts';
import { layout } from './map-layout.ts';

export interface LayoutRequest {
  id: number;
  input: LayoutInput;
}

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const { id, input } = event.data;
  const result = layout(input);
  self.postMessage(
    { id, result },
    {
      transfer: [result.x.buffer, result.y.buffer, result.heights.buffer, result.band.buffer],
    },
  );
};
