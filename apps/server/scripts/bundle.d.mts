/** The server's entry file, apps/server/src/server.ts. */
export declare const SERVER_ENTRY: string;
/** The reading worker's entry file, apps/server/src/reading-pool/read-worker.ts. */
export declare const READ_WORKER_ENTRY: string;
/** The worker bundle's file name, next to the server bundle. */
export declare const READ_WORKER_FILE: string;
/** The worker bundle's first line, before its build id. */
export declare const READ_WORKER_MARK: string;
/** Compiles the server into one ES module at `outfile`, and the reading worker next to it (see bundle.mjs). */
export declare function bundleServer(outfile: string): Promise<void>;
/** Compiles the reading worker alone into `outfile`, under a new build id. */
export declare function bundleReadWorker(outfile: string): Promise<{ url: string; build: string }>;
