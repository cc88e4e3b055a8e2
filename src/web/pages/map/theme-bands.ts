// Where a layout's theme bands (map-layout.ts, grouped by strategy theme) appear on screen:
// shared by the bands and labels of ThemeBands.tsx and the bands OverviewCanvas.tsx paints,
// so both put them in the same places. A label keeps to the top of the view while its band
// is in view, at the same size at any zoom.
import { BAND_GAP, MARGIN, type ThemeBand } from './layout-input.ts';

/** React Flow's transform (the flow's origin on screen, and the zoom) and the pane's size. */
export interface ViewBox {
  x: number;
  y: number;
  zoom: number;
  width: number;
  height: number;
}

/** A band's label's height on screen, whatever the zoom (map.css draws it so). */
const LABEL_HEIGHT = 22;
const LABEL_INSET = 6;
/** A band's background reaches this far past its outermost nodes (less than half the gap between bands). */
const BAND_PADDING = BAND_GAP / 4;

export interface BandOnScreen {
  /** The band's index in the layout's bands. */
  index: number;
  /** The theme's index in the map's themes; -1 for those that serve none. */
  theme: number;
  /** The band's background on screen. */
  left: number;
  top: number;
  width: number;
  height: number;
  /** The label's top left corner (kept in view while the band is), and its widest. */
  labelLeft: number;
  labelTop: number;
  labelWidth: number;
}

/** The bands in view, on screen; `pictureHeight` is the layout's height. */
export function bandsOnScreen(bands: readonly ThemeBand[], pictureHeight: number, view: ViewBox): BandOnScreen[] {
  const onScreen: BandOnScreen[] = [];
  for (const [index, band] of bands.entries()) {
    const left = (band.x - BAND_PADDING) * view.zoom + view.x;
    const width = (band.width + 2 * BAND_PADDING) * view.zoom;
    const top = (MARGIN / 2) * view.zoom + view.y;
    const height = (pictureHeight - MARGIN) * view.zoom;
    if (left > view.width || left + width < 0 || top > view.height || top + height < 0) continue;
    const labelLeft = Math.max(left, 0) + LABEL_INSET;
    onScreen.push({
      index,
      theme: band.theme,
      left,
      top,
      width,
      height,
      labelLeft,
      labelTop: Math.min(Math.max(MARGIN * view.zoom + view.y, LABEL_INSET), top + height - LABEL_HEIGHT),
      labelWidth: Math.max(0, Math.min(left + width, view.width) - LABEL_INSET - labelLeft),
    });
  }
  return onScreen;
}
