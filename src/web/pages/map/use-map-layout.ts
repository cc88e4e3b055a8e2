// The map's layout, computed in a Web Worker (layout.worker.ts): the graph drawn is always
// the one its layout was made for, so while a new layout is on its way the previous graph
// stays on screen instead of a loader.
import { useEffect, useRef, useState } from 'react';
import type { MapGraph } from './map-graph.ts';
import type { LayoutInput, LayoutResult } from './layout-input.ts';
import type { LayoutRequest } from './layout.worker.ts';

export interface LaidOutGraph {
  graph: MapGraph;
  layout: LayoutResult;
  /** Counts the layouts, so a view can tell a new one from the one it has. */
  version: number;
}

function startWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
}

/** The latest graph with its layout, once the worker has laid it out; null before the first. */
export function useMapLayout(graph: MapGraph | null, input: LayoutInput | null): LaidOutGraph | null {
  const [laidOut, setLaidOut] = useState<LaidOutGraph | null>(null);
  const worker = useRef<Worker | null | undefined>(undefined);
  const latest = useRef(0);

  // Started with the page, so its script loads while the map's data is on its way.
  useEffect(() => {
    worker.current = startWorker();
    return () => {
      worker.current?.terminate();
      worker.current = undefined;
    };
  }, []);

  useEffect(() => {
    if (!graph || !input) return;
    const id = ++latest.current;
    performance.mark('riktning:map-layout-start');
    const done = (result: LayoutResult) => {
      if (id !== latest.current) return;
      performance.mark('riktning:map-layout-done');
      setLaidOut({ graph, layout: result, version: id });
    };
    // Without a worker (or if it fails), the layout runs here; dagre loads only then.
    const inPage = () => void import('./map-layout.ts').then(({ layout }) => done(layout(input)));
    const current = worker.current ?? (worker.current = startWorker());
    if (!current) {
      inPage();
      return;
    }
    const onMessage = (event: MessageEvent<{ id: number; result: LayoutResult }>) => {
      if (event.data.id === id) done(event.data.result);
    };
    const onError = () => {
      worker.current?.terminate();
      worker.current = null;
      inPage();
    };
    current.addEventListener('message', onMessage);
    current.addEventListener('error', onError);
    current.postMessage({ id, input } satisfies LayoutRequest);
    return () => {
      current.removeEventListener('message', onMessage);
      current.removeEventListener('error', onError);
    };
  }, [graph, input]);

  return laidOut;
}
