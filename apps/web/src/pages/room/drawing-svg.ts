import './excalidraw-assets.ts';
import { exportToSvg, restoreElements } from '@excalidraw/excalidraw';
import type { DrawingScene } from '@mlsd/protocol';
import { forCanvas } from './drawing-scene.ts';

/** A stored drawing as an SVG picture (fonts inlined), for the report. Loaded lazily with Excalidraw. */
export async function drawingSvg(scene: DrawingScene, dark: boolean): Promise<SVGSVGElement> {
  const stored = forCanvas(scene) as unknown as Parameters<typeof restoreElements>[0];
  const elements = restoreElements(stored, null, { repairBindings: true });
  return exportToSvg({
    elements,
    appState: { exportBackground: true, exportWithDarkMode: dark, exportPadding: 16 },
    files: null,
  });
}
