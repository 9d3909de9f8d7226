// The file each reading worker thread starts from. The server runs from TypeScript sources
// (through tsx, or a bundle whose workers still load these sources), and a worker thread does
// not inherit the parent's module loader: register tsx in this thread, then hand piscina the
// worker's task function.
import { register } from 'tsx/esm/api';

register();
const worker = await import('./read-worker.ts');
export default worker.default;
