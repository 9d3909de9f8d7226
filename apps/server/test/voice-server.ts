import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../src/app.ts';
import { NO_VOICE, readVoiceSettings, type VoiceSettings } from '../src/voice/settings.ts';
import { REPO_ROOT } from './helpers.ts';

export interface VoiceTestServer {
  url: string;
  close(): Promise<void>;
}

/**
 * The real app on a temp SQLite file and the repo's rubrics, listening on 127.0.0.1, with voice
 * settings read from `env` the way server.ts reads them (MLSD_STT_URL and friends). Serves the
 * built web app, so the browser tests use it too.
 */
export async function startVoiceServer(
  env: NodeJS.ProcessEnv = {},
  overrides: Partial<VoiceSettings> = {},
): Promise<VoiceTestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'mlsd-voice-'));
  const voice = { ...NO_VOICE, ...readVoiceSettings(env), ...overrides };
  const app = await buildApp({
    db: join(dir, 'mlsd.sqlite'),
    rubricsDir: join(REPO_ROOT, 'rubrics'),
    webDistDir: join(REPO_ROOT, 'apps/web/dist'),
    voice,
  });
  const close = async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
  } catch (error) {
    await close();
    throw error;
  }
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no TCP address');
  return { url: `http://127.0.0.1:${address.port}`, close };
}
