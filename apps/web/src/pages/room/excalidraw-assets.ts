/**
 * Excalidraw fetches its fonts from `window.EXCALIDRAW_ASSET_PATH`, falling back to a public CDN.
 * The build copies them to /excalidraw-assets/ (tools/excalidraw-assets.ts), so an offline server
 * serves them itself. Imported before Excalidraw, so the path is set when the first font loads.
 */
declare global {
  interface Window {
    EXCALIDRAW_ASSET_PATH?: string | string[];
  }
}

// Server-side renders in tests have no window; there is nothing to fetch there.
if (typeof window !== 'undefined')
  window.EXCALIDRAW_ASSET_PATH = `${window.location.origin}/excalidraw-assets/`;

export {};
