// The themes' bands of a map grouped by strategy theme: a background per band beneath the
// nodes, and each band's label over them (over a painted map's boxes and the nodes drawn
// over those alike), kept at the top of the view while its band is in view, at the same size
// at any zoom. theme-bands.ts places both; a painted map's OverviewCanvas paints the
// backgrounds with its boxes.
import { useStore } from '@xyflow/react';
import type { LayoutResult } from './layout-input.ts';
import { bandsOnScreen } from './theme-bands.ts';

/** The narrowest label worth drawing, on screen. */
const MIN_LABEL_WIDTH = 24;

export function ThemeBands({
  layout,
  labels,
  painted,
}: {
  layout: LayoutResult;
  labels: readonly string[];
  /** The backgrounds are the painted map's. */
  painted: boolean;
}) {
  const [x, y, zoom] = useStore((s) => s.transform);
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const bands = bandsOnScreen(layout.bands, layout.height, { x, y, zoom, width, height });
  return (
    <>
      {!painted && (
        <div className="map-bands" aria-hidden>
          {bands.map((band) => (
            <div
              key={band.index}
              className="map-band"
              data-no-theme={band.theme < 0 ? 'true' : undefined}
              style={{ left: band.left, top: band.top, width: band.width, height: band.height }}
            />
          ))}
        </div>
      )}
      <div className="map-band-labels">
        {bands.map(
          (band) =>
            band.labelWidth >= MIN_LABEL_WIDTH && (
              <div
                key={band.index}
                className="map-band-label"
                data-testid="map-theme-label"
                data-no-theme={band.theme < 0 ? 'true' : undefined}
                title={labels[band.index]}
                style={{ left: band.labelLeft, top: band.labelTop, maxWidth: band.labelWidth }}
              >
                {labels[band.index]}
              </div>
            ),
        )}
      </div>
    </>
  );
}
