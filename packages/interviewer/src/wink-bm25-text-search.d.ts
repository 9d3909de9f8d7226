// wink-bm25-text-search ships no types; this covers the part we use.
declare module 'wink-bm25-text-search' {
  type PrepTask = (input: never) => unknown;
  interface BM25Config {
    fldWeights: Record<string, number>;
    bm25Params?: { k1?: number; b?: number; k?: number };
    ovFldNames?: string[];
  }
  interface BM25Engine {
    defineConfig(config: BM25Config): boolean;
    definePrepTasks(tasks: PrepTask[], field?: string): number;
    addDoc(doc: Record<string, string>, id: string | number): number;
    consolidate(fp?: number): boolean;
    /** [id, score] pairs, best first. */
    search(text: string, limit?: number): [string, number][];
    reset(): boolean;
  }
  function bm25(): BM25Engine;
  export default bm25;
}
