import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers.ts';
import { DEPLOY_NGINX_CONF } from './proxy-nginx.ts';

// Docker is not here to run docker-compose.yml; this reads it as Compose would (YAML with merge
// keys) and holds the scale profile to what docs/deploy.md promises. The `yaml` parser is the
// rubric package's own dependency, borrowed rather than added to the server for one test.
const { parse } = createRequire(join(REPO_ROOT, 'packages/rubric/package.json'))('yaml') as {
  parse(text: string, options: { merge: boolean }): unknown;
};

interface Service {
  profiles?: string[];
  image?: string;
  build?: string;
  ports?: string[];
  volumes?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }> | string[];
}

const compose = parse(readFileSync(join(REPO_ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};
const services = compose.services;
const inProfile = (profile: string | null) =>
  Object.keys(services)
    .filter((name) =>
      profile === null ? !services[name]?.profiles : services[name]?.profiles?.includes(profile),
    )
    .sort();

describe('docker-compose.yml', () => {
  it('starts the app and Ollama alone by default, as before', () => {
    expect(inProfile(null)).toEqual(['app', 'ollama']);
    expect(services.app?.environment).toMatchObject({ MLSD_DATA_DIR: '/data' });
    expect(services.app?.environment?.DATABASE_URL).toBeUndefined();
  });

  it('adds two instances on PostgreSQL and Redis behind the proxy with --profile scale', () => {
    expect(inProfile('scale')).toEqual(['app-1', 'app-2', 'postgres', 'proxy', 'redis']);
    for (const name of ['app-1', 'app-2']) {
      const app = services[name];
      expect(app?.environment?.DATABASE_URL).toMatch(/^postgres:\/\/[^@]+@postgres:5432\//);
      expect(app?.environment?.REDIS_URL).toBe('redis://redis:6379');
      expect(app?.environment?.HOST).toBe('0.0.0.0');
      expect(app?.healthcheck?.test.join(' ')).toContain('http://127.0.0.1:3000/api/health');
      expect(app?.depends_on).toMatchObject({
        postgres: { condition: 'service_healthy' },
        redis: { condition: 'service_healthy' },
      });
    }
    expect(services.postgres?.volumes).toEqual(['mlsd-postgres:/var/lib/postgresql/data']);
    expect(Object.keys(compose.volumes)).toContain('mlsd-postgres');
    for (const name of ['postgres', 'redis', 'proxy']) expect(services[name]?.healthcheck).toBeDefined();
  });

  it('mounts deploy/nginx.conf, whose upstreams are the two instances', () => {
    const proxy = services.proxy;
    expect(proxy?.volumes).toContain('./deploy/nginx.conf:/etc/nginx/conf.d/default.conf:ro');
    expect(proxy?.depends_on).toMatchObject({
      'app-1': { condition: 'service_healthy' },
      'app-2': { condition: 'service_healthy' },
    });
    const upstreams = [...readFileSync(DEPLOY_NGINX_CONF, 'utf8').matchAll(/^\s*server (\S+):3000 /gm)].map(
      (match) => match[1],
    );
    expect(upstreams).toEqual(['app-1', 'app-2']);
    expect(proxy?.healthcheck?.test.join(' ')).toContain('/healthz');
  });
});
