/** The server's entry file, apps/server/src/server.ts. */
export declare const SERVER_ENTRY: string;
/** Compiles the server into one ES module at `outfile` (see bundle.mjs). */
export declare function bundleServer(outfile: string): Promise<void>;
