import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ConfigError, loadConfig, type Config } from '../../platform/config';
import { RECOMMENDER_SIZING } from '../support/recommenderSizing';

// docker compose cannot run on the machines this suite runs on, so the wiring of
// docker-compose.yml is checked by reading it: the same names, ports, credentials
// and scripts must line up everywhere, as the app's own config loader sees them.
// Variables are interpolated from the committed .env.example, as compose does
// from the .env an operator copies from it.
// Each check returns its problems; the last block proves the checks catch
// broken files (a typo in a service name, a wrong port, ...).

const ROOT = path.resolve(__dirname, '../..');
const SUBGRAPHS = ['products', 'users', 'recommendations'] as const;
const APP_SERVICES = [...SUBGRAPHS, 'gateway'] as const;
type AppService = (typeof APP_SERVICES)[number];
/** Started only with `docker compose --profile monitoring up`. */
const MONITORING_SERVICES = ['prometheus', 'grafana'] as const;

interface Service {
  image?: string;
  build?: string | { context?: string; dockerfile?: string; [key: string]: unknown };
  command?: string | string[] | null;
  environment?: Record<string, string | number | boolean | null> | string[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: string | string[] };
  ports?: Array<string | number | { target?: number | string; published?: number | string }>;
  volumes?: Array<string | { type?: string; source?: string; target?: string }>;
  restart?: string;
  profiles?: string[];
}

interface ComposeFile {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
}

interface Project {
  compose: ComposeFile;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  dockerfile: string | undefined;
  dockerignore: string | undefined;
  /** The variables of .env.example (undefined when it is missing): what compose interpolates from `.env`. */
  envExample: Record<string, string> | undefined;
  gitignore: string | undefined;
  /** A file of the repository by its path from the root (deploy/… configuration mounted into containers). */
  file(relative: string): string | undefined;
}

function readIfExists(file: string): string | undefined {
  const full = path.join(ROOT, file);
  return fs.existsSync(full) ? fs.readFileSync(full, 'utf8') : undefined;
}

function parseCompose(text: string): ComposeFile {
  // Compose resolves `<<` merge keys; YAML 1.2 parsers only do so when asked.
  const parsed = parse(text, { merge: true }) as ComposeFile | null;
  if (!parsed || typeof parsed !== 'object' || !parsed.services) throw new Error('docker-compose.yml has no services');
  return parsed;
}

/** A dotenv file as compose reads it: KEY=VALUE lines, # comments, optional quotes. */
function parseDotenv(text: string | undefined): Record<string, string> | undefined {
  if (text === undefined) return undefined;
  const vars: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (match) vars[match[1]!] = match[2]!.replace(/^(['"])(.*)\1$/, '$2');
  }
  return vars;
}

function loadProject(overrides: Partial<Pick<Project, 'dockerfile' | 'dockerignore' | 'file' | 'envExample' | 'gitignore'>> & { composeText?: string } = {}): Project {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    scripts?: Record<string, string>;
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };
  return {
    compose: parseCompose(overrides.composeText ?? fs.readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8')),
    scripts: pkg.scripts ?? {},
    dependencies: pkg.dependencies ?? {},
    devDependencies: pkg.devDependencies ?? {},
    dockerfile: 'dockerfile' in overrides ? overrides.dockerfile : readIfExists('Dockerfile'),
    dockerignore: 'dockerignore' in overrides ? overrides.dockerignore : readIfExists('.dockerignore'),
    envExample: 'envExample' in overrides ? overrides.envExample : parseDotenv(readIfExists('.env.example')),
    gitignore: 'gitignore' in overrides ? overrides.gitignore : readIfExists('.gitignore'),
    file: overrides.file ?? readIfExists,
  };
}

// ---------------------------------------------------------------- normalising

/** `${VAR}`, `${VAR:-default}`, `${VAR:?error}` (and the forms without `:`) and `$VAR` in compose's syntax; `$$` is a literal `$`. */
const VARIABLE = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-?])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

/** A value as compose sees it, its variables taken from `vars` (.env.example standing in for .env). */
function interpolate(value: string, problems: string[], where: string, vars: Record<string, string> = {}): string {
  return value.replace(VARIABLE, (match, braced: string | undefined, colon: string | undefined, operator: string | undefined, argument: string | undefined, bare: string | undefined) => {
    if (match === '$$') return '$';
    const name = (braced ?? bare)!;
    const set = colon ? Boolean(vars[name]) : name in vars;
    if (set) return vars[name]!;
    if (operator === '-') return argument ?? '';
    problems.push(`${where}: needs ${name}, which .env.example does not define`);
    return '';
  });
}

/** The variables a compose value refers to, and whether each is required (`${VAR:?…}`) or has a default. */
function variablesIn(value: string): Array<{ name: string; required: boolean; hasDefault: boolean }> {
  return [...value.matchAll(VARIABLE)]
    .filter((m) => m[0] !== '$$')
    .map((m) => ({ name: (m[1] ?? m[5])!, required: m[3] === '?', hasDefault: m[3] === '-' }));
}

function environmentOf(service: Service | undefined, name: string, problems: string[] = [], vars: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  const raw = service?.environment;
  if (Array.isArray(raw)) {
    for (const entry of raw) {
      const eq = entry.indexOf('=');
      if (eq > 0) env[entry.slice(0, eq)] = interpolate(entry.slice(eq + 1), problems, `${name}.environment`, vars);
    }
  } else if (raw) {
    for (const [key, value] of Object.entries(raw)) {
      if (value !== null) env[key] = interpolate(String(value), problems, `${name}.environment.${key}`, vars);
    }
  }
  return env;
}

/** The app's own view of a service's environment, or the reasons it would refuse to start. */
function configOf(project: Project, name: string): { config?: Config; problems: string[] } {
  const problems: string[] = [];
  const env = environmentOf(project.compose.services[name], name, problems, project.envExample);
  try {
    return { config: loadConfig(env), problems };
  } catch (error) {
    if (error instanceof ConfigError) return { problems: [...problems, ...error.problems.map((p) => `${name}: ${p}`)] };
    throw error;
  }
}

/** A service's environment as written in the file, before interpolation. */
function rawEnvironmentOf(service: Service | undefined): Record<string, string> {
  const raw = service?.environment;
  if (Array.isArray(raw)) return Object.fromEntries(raw.filter((e) => e.includes('=')).map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]));
  return Object.fromEntries(Object.entries(raw ?? {}).filter(([, v]) => v !== null).map(([k, v]) => [k, String(v)]));
}

/** A variable holding a credential: its value must come from `.env`, never from the compose file. */
const SECRET_VARIABLE = /PASSWORD|SECRET|TOKEN|_KEY$/;
/** Exactly one required reference, `${VAR:?message}`: compose refuses to start while .env lacks it. */
const REQUIRED_REFERENCE = /^\$\{[A-Za-z_][A-Za-z0-9_]*:\?[^}]*\}$/;

/** The shell text a service runs (exec form joined; `sh -c "…"` unwrapped). */
function commandOf(service: Service | undefined): string {
  const command = service?.command;
  if (!command) return '';
  if (typeof command === 'string') return command;
  if (command.length >= 3 && /(^|\/)(ba)?sh$/.test(command[0] ?? '') && command[1] === '-c') return command.slice(2).join(' ');
  return command.join(' ');
}

function npmScriptsIn(command: string): string[] {
  return [...command.matchAll(/\bnpm\s+(?:run|run-script)\s+([^\s;&|]+)/g)].map((m) => m[1]!);
}

function dependsOn(service: Service | undefined): Record<string, string> {
  const raw = service?.depends_on;
  if (!raw) return {};
  if (Array.isArray(raw)) return Object.fromEntries(raw.map((name) => [name, 'service_started']));
  return Object.fromEntries(Object.entries(raw).map(([name, spec]) => [name, spec?.condition ?? 'service_started']));
}

function healthcheckOf(service: Service | undefined): string {
  const test = service?.healthcheck?.test;
  if (!test) return '';
  if (typeof test === 'string') return test;
  if (test[0] === 'NONE') return '';
  if (test[0] === 'CMD' || test[0] === 'CMD-SHELL') return test.slice(1).join(' ');
  return test.join(' ');
}

/** Container ports a service publishes on the host. */
function publishedPorts(service: Service | undefined): Array<{ target: number; published: string }> {
  return (service?.ports ?? []).map((entry) => {
    if (typeof entry === 'number') return { target: entry, published: '(random)' };
    if (typeof entry === 'string') {
      const parts = entry.replace(/\/(tcp|udp)$/, '').split(':');
      const target = Number(parts.pop());
      return { target, published: parts.pop() ?? '(random)' };
    }
    return { target: Number(entry.target), published: String(entry.published ?? '(random)') };
  });
}

function buildOf(service: Service | undefined): { context: string; dockerfile: string } | undefined {
  const build = service?.build;
  if (build === undefined) return undefined;
  if (typeof build === 'string') return { context: path.resolve(ROOT, build), dockerfile: 'Dockerfile' };
  return { context: path.resolve(ROOT, build.context ?? '.'), dockerfile: build.dockerfile ?? 'Dockerfile' };
}

/** Bind mounts of a service: host path (from the repository root) → container path. */
function bindMounts(service: Service | undefined): Array<{ source: string; target: string }> {
  return (service?.volumes ?? [])
    .map((v) => (typeof v === 'string' ? { source: v.split(':')[0] ?? '', target: v.split(':')[1] ?? '' } : { source: v.source ?? '', target: v.target ?? '' }))
    .filter((m) => m.source.startsWith('./') || m.source.startsWith('/'))
    .map((m) => ({ source: path.relative(ROOT, path.resolve(ROOT, m.source)), target: m.target }));
}

/** The repository file a container sees at `containerPath`, through the service's bind mounts. */
function mountedFile(project: Project, name: string, containerPath: string): { relative: string; text: string | undefined } | undefined {
  for (const mount of bindMounts(project.compose.services[name])) {
    if (containerPath === mount.target || containerPath.startsWith(`${mount.target.replace(/\/$/, '')}/`)) {
      const relative = path.join(mount.source, path.relative(mount.target, containerPath));
      return { relative, text: project.file(relative) };
    }
  }
  return undefined;
}

function parseYaml<T>(text: string | undefined): T | undefined {
  if (text === undefined) return undefined;
  try {
    return parse(text) as T;
  } catch {
    return undefined;
  }
}

/** The port a service's GET /metrics is on, as the app reads its environment. */
function metricsPortOf(project: Project, name: AppService): number | undefined {
  const { config } = configOf(project, name);
  return config ? (config.observability.metrics.ports[name] ?? config.ports[name]) : undefined;
}

function parseUrl(value: string | undefined): URL | undefined {
  if (!value) return undefined;
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------- the checks

type Check = (project: Project) => string[];

const checks: Record<string, Check> = {
  'postgres, redis, migrate and every app service are defined; every dependency names a defined service': ({ compose }) => {
    const problems: string[] = [];
    for (const name of ['postgres', 'redis', 'migrate', ...APP_SERVICES]) {
      if (!compose.services[name]) problems.push(`service "${name}" is missing`);
    }
    for (const [name, service] of Object.entries(compose.services)) {
      for (const dependency of Object.keys(dependsOn(service))) {
        if (!compose.services[dependency]) problems.push(`${name} depends on "${dependency}", which is not a service`);
      }
    }
    return problems;
  },

  'the migrate job and every app service use one image, built from the root Dockerfile': ({ compose }) => {
    const problems: string[] = [];
    const users = ['migrate', ...APP_SERVICES].filter((name) => compose.services[name]);
    const reference = compose.services[users[0] ?? '']!;
    const referenceBuild = buildOf(reference);
    if (!referenceBuild) return [`${users[0]} has no build section`];
    if (referenceBuild.context !== ROOT) problems.push(`build context is ${referenceBuild.context}, not the repository root`);
    if (!fs.existsSync(path.join(referenceBuild.context, referenceBuild.dockerfile))) {
      problems.push(`build uses ${referenceBuild.dockerfile}, which does not exist in ${referenceBuild.context}`);
    }
    for (const name of users) {
      const service = compose.services[name]!;
      const build = buildOf(service);
      if (!build) problems.push(`${name} has no build section`);
      else if (JSON.stringify(service.build) !== JSON.stringify(reference.build)) {
        problems.push(`${name} builds ${JSON.stringify(service.build)}, not ${JSON.stringify(reference.build)}`);
      }
      if (service.image !== reference.image) problems.push(`${name} is tagged ${service.image}, not ${reference.image}`);
    }
    return problems;
  },

  "each app service runs its own command of the image's entry point, and the migrate job migrates without seeding": ({ compose, file }) => {
    const problems: string[] = [];
    const entrypoint = file('deploy/docker/entrypoint.sh') ?? '';
    for (const name of APP_SERVICES) {
      const command = commandOf(compose.services[name]);
      if (command !== name) problems.push(`${name} runs "${command}", not the image command "${name}"`);
      const source = name === 'gateway' ? 'gateway/main.ts' : `subgraphs/${name}/main.ts`;
      if (!file(source)) problems.push(`${name}: ${source} does not exist, so the image has no dist/ entry for it`);
    }
    if (!/\bgateway\)\s*exec node dist\/gateway\/main\.js/.test(entrypoint)) problems.push('deploy/docker/entrypoint.sh does not run dist/gateway/main.js for "gateway"');
    const migrate = commandOf(compose.services.migrate);
    if (migrate !== 'migrate') problems.push(`migrate runs "${migrate}", not the image command "migrate" (seeding is asked for separately)`);
    const restart = compose.services.migrate?.restart;
    if (restart && restart !== 'no' && restart !== 'on-failure') problems.push(`migrate has restart: ${restart}; a one-shot job must be allowed to finish`);
    return problems;
  },

  'app services start only once postgres and redis are healthy and migrate has completed': ({ compose }) => {
    const problems: string[] = [];
    const required: Record<string, string> = {
      postgres: 'service_healthy',
      redis: 'service_healthy',
      migrate: 'service_completed_successfully',
    };
    for (const name of APP_SERVICES) {
      const deps = dependsOn(compose.services[name]);
      for (const [dependency, condition] of Object.entries(required)) {
        if (deps[dependency] !== condition) {
          problems.push(`${name} depends on ${dependency} with ${deps[dependency] ?? 'nothing'}, not condition ${condition}`);
        }
      }
    }
    const migrateDeps = dependsOn(compose.services.migrate);
    if (migrateDeps.postgres !== 'service_healthy') problems.push('migrate does not wait for postgres to be healthy');
    // A service_healthy condition on a service without a healthcheck never holds.
    for (const [name, service] of Object.entries(compose.services)) {
      for (const [dependency, condition] of Object.entries(dependsOn(service))) {
        if (condition === 'service_healthy' && compose.services[dependency] && !healthcheckOf(compose.services[dependency])) {
          problems.push(`${name} waits for ${dependency} to be healthy, but ${dependency} has no healthcheck`);
        }
      }
    }
    return problems;
  },

  'postgres and redis have the expected images, healthchecks and storage': ({ compose }) => {
    const problems: string[] = [];
    const postgres = compose.services.postgres;
    const redis = compose.services.redis;
    if (!/^postgres:16(\b|$)/.test(postgres?.image ?? '')) problems.push(`postgres uses image ${postgres?.image}, not postgres:16`);
    if (!/\bpg_isready\b/.test(healthcheckOf(postgres))) problems.push('postgres healthcheck does not run pg_isready');
    const dataVolume = (postgres?.volumes ?? [])
      .map((v) => (typeof v === 'string' ? { source: v.split(':')[0], target: v.split(':')[1] } : v))
      .find((v) => v.target === '/var/lib/postgresql/data');
    if (!dataVolume?.source) problems.push('postgres does not mount a volume at /var/lib/postgresql/data');
    else if (!(compose.volumes && dataVolume.source in compose.volumes)) {
      problems.push(`postgres data volume "${dataVolume.source}" is not a named volume declared under top-level volumes`);
    }
    if (!/^redis:7(\b|$)/.test(redis?.image ?? '')) problems.push(`redis uses image ${redis?.image}, not redis:7`);
    if (!/\bredis-cli\b.*\bping\b/.test(healthcheckOf(redis))) problems.push('redis healthcheck does not run redis-cli ping');
    return problems;
  },

  'no password or signing key is written in docker-compose.yml: each is a required ${VAR:?…} from .env': ({ compose }) => {
    const problems: string[] = [];
    for (const [name, service] of Object.entries(compose.services)) {
      for (const [key, value] of Object.entries(rawEnvironmentOf(service))) {
        if (SECRET_VARIABLE.test(key) && !REQUIRED_REFERENCE.test(value)) problems.push(`${name}.environment.${key} is "${value}", not a required \${VAR:?…} from .env`);
        const password = /^[a-z][a-z0-9+.-]*:\/\/[^:@/]*:([^@]*)@/i.exec(value)?.[1];
        if (password !== undefined && !REQUIRED_REFERENCE.test(password)) problems.push(`${name}.environment.${key} carries the password "${password}", not a required \${VAR:?…} from .env`);
      }
    }
    return problems;
  },

  '.env.example defines every variable the compose file needs, as placeholders, and .env is ignored by git and docker': (project) => {
    const problems: string[] = [];
    const { envExample, gitignore, dockerignore } = project;
    if (!envExample) return ['.env.example is missing'];
    const referenced = Object.values(project.compose.services).flatMap((service) => Object.values(rawEnvironmentOf(service)).flatMap(variablesIn));
    for (const variable of referenced) {
      if (!variable.hasDefault && !(variable.name in envExample)) problems.push(`docker-compose.yml needs ${variable.name}, which .env.example does not define`);
    }
    for (const [key, value] of Object.entries(envExample)) {
      if (SECRET_VARIABLE.test(key) && !/^change-me/.test(value)) problems.push(`.env.example: ${key} is not a change-me… placeholder`);
    }
    const ignores = (text: string | undefined) => (text ?? '').split(/\r?\n/).some((line) => line.trim().replace(/^\//, '') === '.env');
    if (!ignores(gitignore)) problems.push('.gitignore does not list .env: the real passwords could be committed');
    if (!ignores(dockerignore)) problems.push('.dockerignore does not list .env: the real passwords would be copied into the image');
    return problems;
  },

  'redis keeps its streams across restarts: append-only file on a named volume': ({ compose }) => {
    const problems: string[] = [];
    const redis = compose.services.redis;
    const command = commandOf(redis);
    if (!/\bredis-server\b/.test(command) || !/--appendonly\s+yes\b/.test(command)) problems.push(`redis runs "${command}", without --appendonly yes`);
    const data = (redis?.volumes ?? [])
      .map((v) => (typeof v === 'string' ? { source: v.split(':')[0], target: v.split(':')[1] } : v))
      .find((v) => v.target === '/data');
    if (!data?.source) problems.push('redis does not mount a volume at /data');
    else if (!(compose.volumes && data.source in compose.volumes)) problems.push(`redis data volume "${data.source}" is not a named volume declared under top-level volumes`);
    return problems;
  },

  'DATABASE_URL and REDIS_URL point at the postgres and redis services with their credentials': (project) => {
    const problems: string[] = [];
    const { compose } = project;
    const pgEnv = environmentOf(compose.services.postgres, 'postgres', problems, project.envExample);
    for (const name of ['migrate', ...APP_SERVICES]) {
      const { config, problems: configProblems } = configOf(project, name);
      problems.push(...configProblems);
      if (!config) continue;
      if (config.database.kind !== 'postgres') {
        problems.push(`${name} has no DATABASE_URL: it would run on an embedded database inside its container`);
      } else {
        const url = new URL(config.database.url);
        const host = compose.services[url.hostname];
        if (!host) problems.push(`${name}: DATABASE_URL host "${url.hostname}" is not a service`);
        else if (!/^postgres(:|$)/.test(host.image ?? '')) problems.push(`${name}: DATABASE_URL host "${url.hostname}" is not the postgres service`);
        if ((url.port || '5432') !== '5432') problems.push(`${name}: DATABASE_URL port ${url.port} is not PostgreSQL's 5432`);
        const user = decodeURIComponent(url.username);
        const password = decodeURIComponent(url.password);
        const database = decodeURIComponent(url.pathname.slice(1));
        if (user !== (pgEnv.POSTGRES_USER ?? 'postgres')) problems.push(`${name}: DATABASE_URL user "${user}" is not POSTGRES_USER "${pgEnv.POSTGRES_USER}"`);
        if (password !== pgEnv.POSTGRES_PASSWORD) problems.push(`${name}: DATABASE_URL password does not match POSTGRES_PASSWORD`);
        if (database !== (pgEnv.POSTGRES_DB ?? pgEnv.POSTGRES_USER ?? 'postgres')) {
          problems.push(`${name}: DATABASE_URL database "${database}" is not POSTGRES_DB "${pgEnv.POSTGRES_DB}"`);
        }
      }
      if (!config.redis) problems.push(`${name} has no REDIS_URL`);
      else {
        const url = new URL(config.redis.url);
        const host = compose.services[url.hostname];
        if (!host) problems.push(`${name}: REDIS_URL host "${url.hostname}" is not a service`);
        else if (!/^redis(:|$)/.test(host.image ?? '')) problems.push(`${name}: REDIS_URL host "${url.hostname}" is not the redis service`);
        if ((url.port || '6379') !== '6379') problems.push(`${name}: REDIS_URL port ${url.port} is not Redis's 6379`);
      }
    }
    return problems;
  },

  'app services listen on all interfaces in production and leave migrating to the migrate job': (project) => {
    const problems: string[] = [];
    for (const name of APP_SERVICES) {
      const env = environmentOf(project.compose.services[name], name, [], project.envExample);
      const { config } = configOf(project, name);
      if (env.HOST !== '0.0.0.0') problems.push(`${name}: HOST is ${env.HOST ?? 'unset'}, not 0.0.0.0 (unreachable from other containers)`);
      if (env.NODE_ENV !== 'production') problems.push(`${name}: NODE_ENV is ${env.NODE_ENV ?? 'unset'}, not production`);
      if (config && config.migrateOnStart) problems.push(`${name}: MIGRATE_ON_START is not false`);
    }
    return problems;
  },

  'the recommendations service is told what sizes it: photo readers, list cache, shopper histories': (project) => {
    const env = environmentOf(project.compose.services.recommendations, 'recommendations', [], project.envExample);
    return RECOMMENDER_SIZING.filter((name) => !(name in env)).map((name) => `recommendations: ${name} is not stated`);
  },

  "the gateway's SUBGRAPH_*_URL point at the subgraph services on their configured ports": (project) => {
    const problems: string[] = [];
    const { config: gateway, problems: gatewayProblems } = configOf(project, 'gateway');
    if (!gateway) return gatewayProblems;
    const urls = gateway.gateway.subgraphUrls;
    for (const extra of Object.keys(urls).filter((name) => !(SUBGRAPHS as readonly string[]).includes(name))) {
      problems.push(`gateway: SUBGRAPH_${extra.toUpperCase()}_URL names no subgraph`);
    }
    for (const subgraph of SUBGRAPHS) {
      const variable = `SUBGRAPH_${subgraph.toUpperCase()}_URL`;
      const url = parseUrl(urls[subgraph]);
      if (!url) {
        problems.push(`gateway: ${variable} is not set`);
        continue;
      }
      if (url.hostname !== subgraph) problems.push(`gateway: ${variable} host is "${url.hostname}", not the ${subgraph} service`);
      if (!project.compose.services[url.hostname]) problems.push(`gateway: ${variable} host "${url.hostname}" is not a service`);
      const { config: target } = configOf(project, subgraph);
      const expectedPort = target?.ports[subgraph];
      const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
      if (expectedPort !== undefined && port !== expectedPort) {
        problems.push(`gateway: ${variable} uses port ${port}, but ${subgraph} listens on ${expectedPort}`);
      }
      if (url.pathname !== '/graphql') problems.push(`gateway: ${variable} path is ${url.pathname}, not /graphql`);
    }
    return problems;
  },

  'app healthchecks fetch /readyz on the port each service listens on (node, no curl)': (project) => {
    const problems: string[] = [];
    for (const name of APP_SERVICES) {
      const test = healthcheckOf(project.compose.services[name]);
      const { config } = configOf(project, name);
      if (!test) {
        problems.push(`${name} has no healthcheck`);
        continue;
      }
      if (!/^node\s/.test(test)) problems.push(`${name} healthcheck does not run node (the slim image has no curl): ${test}`);
      const match = /https?:\/\/(?:127\.0\.0\.1|localhost):(\d+)\/readyz\b/.exec(test);
      if (!match) problems.push(`${name} healthcheck does not request http://127.0.0.1:<port>/readyz`);
      else if (config && Number(match[1]) !== config.ports[name as AppService]) {
        problems.push(`${name} healthcheck requests port ${match[1]}, but ${name} listens on ${config.ports[name as AppService]}`);
      }
    }
    return problems;
  },

  'of the stack only the gateway publishes a port: its own, as 4000 (the monitoring services on the loopback only)': (project) => {
    const problems: string[] = [];
    for (const [name, service] of Object.entries(project.compose.services)) {
      if ((MONITORING_SERVICES as readonly string[]).includes(name)) {
        for (const entry of service.ports ?? []) {
          if (typeof entry !== 'string' || !entry.startsWith('127.0.0.1:')) problems.push(`${name} publishes ${JSON.stringify(entry)} beyond the host's loopback`);
        }
      } else if (name !== 'gateway' && publishedPorts(service).length > 0) problems.push(`${name} publishes ${JSON.stringify(service.ports)}`);
    }
    const { config } = configOf(project, 'gateway');
    const ports = publishedPorts(project.compose.services.gateway);
    if (ports.length !== 1) problems.push(`gateway publishes ${ports.length} ports, not 1`);
    for (const port of ports) {
      if (config && port.target !== config.ports.gateway) problems.push(`gateway publishes container port ${port.target}, but listens on ${config.ports.gateway}`);
      if (port.published !== '4000') problems.push(`gateway is published on host port ${port.published}, not 4000`);
    }
    return problems;
  },

  'the Dockerfile builds dist/ in one stage and runs it on a current LTS Node with production dependencies only, as a non-root user': ({ dockerfile }) => {
    if (dockerfile === undefined) return ['Dockerfile is missing'];
    const problems: string[] = [];
    const lines = dockerfile
      .replace(/\\\r?\n/g, ' ')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'));
    const image = /^ARG\s+NODE_IMAGE=(\S+)/.exec(lines.find((l) => /^ARG\s+NODE_IMAGE=/.test(l)) ?? '')?.[1];
    const froms = lines.filter((line) => /^FROM\s/i.test(line));
    if (!image || !/^node:(22|24)(-|$)/.test(image)) problems.push(`Dockerfile base is "${image}", not a current LTS node:22 or node:24 image`);
    if (froms.length < 2) problems.push('Dockerfile is not multi-stage');
    const install = lines.findIndex((line) => /^RUN\s.*\bnpm\s+ci\b/i.test(line));
    if (install < 0) return [...problems, 'Dockerfile never runs npm ci'];
    const lockCopied = lines.slice(0, install).some((line) => /^(COPY|ADD)\s.*(package-lock\.json|package\*\.json|\s\.\s)/i.test(line));
    if (!lockCopied) problems.push('Dockerfile runs npm ci before copying package-lock.json');
    if (!lines.some((line) => /^RUN\s.*\bnpm run build\b/.test(line))) problems.push('Dockerfile never runs npm run build');
    const last = lines.lastIndexOf(froms[froms.length - 1] ?? '');
    const runtime = lines.slice(last);
    const prodInstall = lines.some((line) => /^RUN\s.*\bnpm\s+ci\b.*--omit[= ]dev/.test(line));
    if (!prodInstall) problems.push('no stage installs production dependencies only (npm ci --omit=dev)');
    if (runtime.some((line) => /^RUN\s.*\bnpm\s+(ci|install)\b/.test(line))) problems.push('the runtime stage installs dependencies itself');
    if (!runtime.some((line) => /^COPY\s+--from=\S+\s+\S*dist\b/.test(line))) problems.push('the runtime stage does not copy dist/ from the build stage');
    const user = runtime.find((line) => /^USER\s/i.test(line));
    if (!user || /^USER\s+(root|0)\b/i.test(user)) problems.push(`the runtime stage runs as ${user ?? 'root'}`);
    if (!runtime.some((line) => /^HEALTHCHECK\s/.test(line))) problems.push('the runtime stage has no HEALTHCHECK');
    if (runtime.some((line) => /\btsx\b/.test(line))) problems.push('the runtime stage runs tsx');
    return problems;
  },

  'prometheus and grafana run only in the monitoring profile; the stack itself in none': ({ compose }) => {
    const problems: string[] = [];
    for (const name of MONITORING_SERVICES) {
      const service = compose.services[name];
      if (!service) problems.push(`service "${name}" is missing`);
      else if (JSON.stringify(service.profiles) !== JSON.stringify(['monitoring'])) problems.push(`${name} has profiles ${JSON.stringify(service.profiles)}, not ["monitoring"]`);
    }
    for (const name of ['postgres', 'redis', 'migrate', ...APP_SERVICES]) {
      if (compose.services[name]?.profiles) problems.push(`${name} is in profiles ${JSON.stringify(compose.services[name]!.profiles)}: a plain \`docker compose up\` would not start it`);
    }
    return problems;
  },

  "Prometheus scrapes every app service's /metrics on the port it serves them, and loads the alert rules it mounts": (project) => {
    const problems: string[] = [];
    const configFile = commandOf(project.compose.services.prometheus).match(/--config\.file=(\S+)/)?.[1] ?? '/etc/prometheus/prometheus.yml';
    const mounted = mountedFile(project, 'prometheus', configFile);
    if (!mounted?.text) return [`prometheus reads ${configFile}, which no bind mount of a repository file provides`];
    const config = parseYaml<{ rule_files?: string[]; scrape_configs?: Array<{ metrics_path?: string; static_configs?: Array<{ targets?: string[] }>; authorization?: unknown }> }>(mounted.text);
    if (!config) return [`${mounted.relative} is not valid YAML`];
    const jobs = config.scrape_configs ?? [];
    const targets = new Set(jobs.flatMap((job) => (job.static_configs ?? []).flatMap((c) => c.targets ?? [])));
    for (const name of APP_SERVICES) {
      const port = metricsPortOf(project, name);
      if (port !== undefined && !targets.has(`${name}:${port}`)) problems.push(`${mounted.relative} does not scrape ${name}:${port}, where ${name} serves /metrics`);
    }
    for (const target of targets) {
      const host = target.split(':')[0]!;
      if (!project.compose.services[host]) problems.push(`${mounted.relative} scrapes ${target}, which is not a service`);
    }
    for (const job of jobs) if ((job.metrics_path ?? '/metrics') !== '/metrics') problems.push(`${mounted.relative} scrapes ${job.metrics_path}, not /metrics`);
    const tokenSet = APP_SERVICES.some((name) => configOf(project, name).config?.observability.metrics.token);
    if (tokenSet && jobs.some((job) => !job.authorization)) problems.push(`METRICS_TOKEN is set, but ${mounted.relative} sends no bearer token`);
    if ((config.rule_files ?? []).length === 0) problems.push(`${mounted.relative} loads no alert rules`);
    for (const rules of config.rule_files ?? []) {
      const file = mountedFile(project, 'prometheus', rules);
      if (!file?.text) problems.push(`${mounted.relative} loads ${rules}, which no bind mount of a repository file provides`);
      else if (!parseYaml<{ groups?: unknown[] }>(file.text)?.groups) problems.push(`${file.relative} has no rule groups`);
    }
    return problems;
  },

  'Grafana is provisioned with the Prometheus service as its data source and the committed dashboard': (project) => {
    const problems: string[] = [];
    const sources = mountedFile(project, 'grafana', '/etc/grafana/provisioning/datasources/prometheus.yml');
    const datasources = parseYaml<{ datasources?: Array<{ uid?: string; type?: string; url?: string }> }>(sources?.text)?.datasources ?? [];
    const prometheus = datasources.find((d) => d.type === 'prometheus');
    const url = parseUrl(prometheus?.url);
    if (!prometheus || !url) return ['grafana has no provisioned Prometheus data source'];
    if (!project.compose.services[url.hostname]?.image?.startsWith('prom/prometheus')) problems.push(`grafana's data source ${prometheus.url} is not the prometheus service`);
    if (url.port !== '9090') problems.push(`grafana's data source uses port ${url.port}, not Prometheus' 9090`);
    const providers = mountedFile(project, 'grafana', '/etc/grafana/provisioning/dashboards/smartcart.yml');
    const dashboardPath = parseYaml<{ providers?: Array<{ options?: { path?: string } }> }>(providers?.text)?.providers?.[0]?.options?.path;
    if (!dashboardPath) return [...problems, 'grafana provisions no dashboard folder'];
    const dashboard = mountedFile(project, 'grafana', `${dashboardPath}/smartcart-dashboard.json`);
    if (!dashboard?.text) return [...problems, `grafana's dashboard folder ${dashboardPath} does not hold deploy/grafana/smartcart-dashboard.json`];
    const uids = new Set<string>();
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        const { datasource } = node as { datasource?: { uid?: string } };
        if (datasource?.uid) uids.add(datasource.uid);
        Object.values(node).forEach(walk);
      }
    };
    walk(JSON.parse(dashboard.text));
    for (const uid of uids) if (uid !== prometheus.uid) problems.push(`the dashboard uses data source "${uid}", not the provisioned "${prometheus.uid}"`);
    return problems;
  },

  '.dockerignore keeps local state out of the build context': ({ dockerignore }) => {
    if (dockerignore === undefined) return ['.dockerignore is missing'];
    const entries = new Set(dockerignore.split(/\r?\n/).map((line) => line.trim().replace(/^\/+|\/+$/g, '')));
    return ['node_modules', '.data', 'dist', '.git', 'coverage', 'reports']
      .filter((entry) => !entries.has(entry))
      .map((entry) => `.dockerignore does not list ${entry}`);
  },
};

function allProblems(project: Project): string[] {
  return Object.values(checks).flatMap((check) => check(project));
}

// ---------------------------------------------------------------- tests

describe('docker-compose.yml wiring', () => {
  const project = loadProject();

  it.each(Object.keys(checks))('%s', (name) => {
    expect(checks[name]!(project)).toEqual([]);
  });

  it('declares the named volumes the stack keeps its data in', () => {
    expect(Object.keys(project.compose.volumes ?? {}).sort()).toEqual(['grafana-data', 'postgres-data', 'prometheus-data', 'redis-data']);
  });

  it('defines nothing but the stack (no stray services)', () => {
    expect(Object.keys(project.compose.services).sort()).toEqual(
      ['gateway', 'grafana', 'migrate', 'postgres', 'products', 'prometheus', 'recommendations', 'redis', 'users'],
    );
  });
});

describe('the wiring checks catch broken files', () => {
  const composeText = fs.readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8');

  function mutated(change: (compose: ComposeFile) => void): Project {
    const project = loadProject();
    change(project.compose);
    return project;
  }
  function fromText(replace: (text: string) => string, extra: Partial<Project> = {}): Project {
    const text = replace(composeText);
    expect(text).not.toBe(composeText); // the mutation must really apply
    return { ...loadProject({ composeText: text }), ...extra };
  }
  const env = (service: Service | undefined): Record<string, unknown> => {
    if (!service) throw new Error('no such service');
    if (Array.isArray(service.environment) || !service.environment) throw new Error('expected a map environment');
    return service.environment;
  };

  const cases: Array<[string, () => Project, RegExp]> = [
    [
      'a sizing variable left out',
      () => mutated((c) => void delete env(c.services.recommendations).RECS_CACHE_LOCAL_ENTRIES),
      /recommendations: RECS_CACHE_LOCAL_ENTRIES is not stated/,
    ],
    [
      'a misspelt subgraph service name',
      () => fromText((t) => t.replace(/^  recommendations:$/m, '  recomendations:')),
      /service "recommendations" is missing|host "recommendations" is not a service/,
    ],
    [
      'a typo in a SUBGRAPH_*_URL host',
      () => fromText((t) => t.replace('http://users:4002/graphql', 'http://user:4002/graphql')),
      /SUBGRAPH_USERS_URL host is "user"/,
    ],
    [
      'a SUBGRAPH_*_URL on the wrong port',
      () => mutated((c) => void (env(c.services.gateway).SUBGRAPH_PRODUCTS_URL = 'http://products:4002/graphql')),
      /SUBGRAPH_PRODUCTS_URL uses port 4002, but products listens on 4001/,
    ],
    [
      'a subgraph moved to another port without telling the gateway',
      () => mutated((c) => void (env(c.services.users).USERS_PORT = '5002')),
      /SUBGRAPH_USERS_URL uses port 4002, but users listens on 5002/,
    ],
    [
      'a DATABASE_URL password that differs from POSTGRES_PASSWORD',
      () => mutated((c) => void (env(c.services.postgres).POSTGRES_PASSWORD = 'something-else')),
      /DATABASE_URL password does not match POSTGRES_PASSWORD/,
    ],
    [
      'a password written in the compose file',
      () => mutated((c) => void (env(c.services.postgres).POSTGRES_PASSWORD = 'smartcart')),
      /postgres.environment.POSTGRES_PASSWORD is "smartcart", not a required/,
    ],
    [
      'a signing key with a default instead of a required variable',
      () => fromText((t) => t.replace(/\$\{INTERNAL_AUTH_SECRET:\?[^}]*\}/, '${INTERNAL_AUTH_SECRET:-local-only-default-secret-of-32-chars}')),
      /INTERNAL_AUTH_SECRET is "\$\{INTERNAL_AUTH_SECRET:-local-only-default-secret-of-32-chars\}", not a required/,
    ],
    [
      'a password written into DATABASE_URL',
      () => fromText((t) => t.replace(/postgresql:\/\/smartcart:[^@]*@/, 'postgresql://smartcart:smartcart@')),
      /DATABASE_URL carries the password "smartcart"/,
    ],
    [
      'a variable .env.example does not define',
      () => ({ ...loadProject(), envExample: Object.fromEntries(Object.entries(loadProject().envExample ?? {}).filter(([k]) => k !== 'INTERNAL_AUTH_SECRET')) }),
      /needs INTERNAL_AUTH_SECRET, which .env.example does not define/,
    ],
    [
      'a real-looking password in .env.example',
      () => ({ ...loadProject(), envExample: { ...loadProject().envExample, POSTGRES_PASSWORD: 'S3cure!pass' } }),
      /.env.example: POSTGRES_PASSWORD is not a change-me… placeholder/,
    ],
    ['.env no longer git-ignored', () => ({ ...loadProject(), gitignore: 'node_modules/\n' }), /.gitignore does not list .env/],
    [
      'redis without its data volume',
      () => mutated((c) => void delete c.services.redis!.volumes),
      /redis does not mount a volume at \/data/,
    ],
    [
      'redis without the append-only file',
      () => mutated((c) => void (c.services.redis!.command = ['redis-server'])),
      /redis runs "redis-server", without --appendonly yes/,
    ],
    [
      'a DATABASE_URL naming another database',
      () => mutated((c) => void (env(c.services.postgres).POSTGRES_DB = 'shop')),
      /DATABASE_URL database "smartcart" is not POSTGRES_DB "shop"/,
    ],
    [
      'an app service that no longer waits for migrate',
      () =>
        mutated((c) => {
          const deps = { ...(c.services.users!.depends_on as Record<string, { condition?: string }>) };
          delete deps.migrate;
          c.services.users!.depends_on = deps;
        }),
      /users depends on migrate with nothing/,
    ],
    [
      'waiting for migrate to start rather than to complete',
      () => mutated((c) => void (c.services.gateway!.depends_on = ['postgres', 'redis', 'migrate'])),
      /gateway depends on postgres with service_started, not condition service_healthy/,
    ],
    [
      'a dependency on a misspelt service',
      () => fromText((t) => t.replace(/^(  migrate:[\s\S]*?depends_on:\n\s+)postgres:/m, '$1postgress:')),
      /migrate depends on "postgress", which is not a service/,
    ],
    [
      'a second published port',
      () => mutated((c) => void (c.services.products!.ports = ['4001:4001'])),
      /products publishes/,
    ],
    [
      'a service built from another context',
      () => mutated((c) => void (c.services.recommendations!.build = { context: './subgraphs/recommendations' })),
      /recommendations builds/,
    ],
    [
      'a healthcheck on the wrong port',
      () => fromText((t) => t.replace("fetch('http://127.0.0.1:4003/readyz')", "fetch('http://127.0.0.1:4001/readyz')")),
      /recommendations healthcheck requests port 4001, but recommendations listens on 4003/,
    ],
    [
      'a healthcheck with curl, which the slim image lacks',
      () => mutated((c) => void (c.services.users!.healthcheck = { test: ['CMD', 'curl', '-f', 'http://127.0.0.1:4002/readyz'] })),
      /users healthcheck does not run node/,
    ],
    [
      'a subgraph listening on localhost only',
      () => mutated((c) => void (env(c.services.products).HOST = '127.0.0.1')),
      /products: HOST is 127.0.0.1/,
    ],
    [
      'an invalid value the app would refuse at start-up',
      () => mutated((c) => void (env(c.services.users).MIGRATE_ON_START = 'nope')),
      /users: MIGRATE_ON_START: must be true or false/,
    ],
    [
      'the gateway metrics port moved without telling Prometheus',
      () => mutated((c) => void (env(c.services.gateway).GATEWAY_METRICS_PORT = '9465')),
      /does not scrape gateway:9465, where gateway serves \/metrics/,
    ],
    [
      'a metrics token Prometheus does not send',
      () => mutated((c) => void (env(c.services.products).METRICS_TOKEN = 'a-long-enough-metrics-token')),
      /METRICS_TOKEN is set, but deploy\/prometheus\/prometheus.yml sends no bearer token/,
    ],
    [
      'the Prometheus configuration no longer mounted',
      () => mutated((c) => void (c.services.prometheus!.volumes = [])),
      /prometheus reads \/etc\/prometheus\/prometheus.yml, which no bind mount/,
    ],
    [
      'Grafana pointed at another data source host',
      () => {
        const project = loadProject();
        return { ...project, file: (relative: string) => (project.file(relative) ?? '').replace('http://prometheus:9090', 'http://prometeus:9090') };
      },
      /grafana's data source http:\/\/prometeus:9090 is not the prometheus service/,
    ],
    [
      'Prometheus started without the profile',
      () => mutated((c) => void delete c.services.prometheus!.profiles),
      /prometheus has profiles undefined, not \["monitoring"\]/,
    ],
    [
      'Grafana published beyond the loopback',
      () => mutated((c) => void (c.services.grafana!.ports = ['3000:3000'])),
      /grafana publishes "3000:3000" beyond the host's loopback/,
    ],
    [
      'a subgraph run through npm and tsx instead of the image command',
      () => mutated((c) => void (c.services.products!.command = ['npm', 'run', 'start:products'])),
      /products runs "npm run start:products", not the image command "products"/,
    ],
    [
      'a migrate job that seeds',
      () => mutated((c) => void (c.services.migrate!.command = ['sh', '-c', 'smartcart migrate && smartcart seed'])),
      /migrate runs "smartcart migrate && smartcart seed"/,
    ],
    ['a missing Dockerfile', () => ({ ...loadProject(), dockerfile: undefined }), /Dockerfile is missing/],
    [
      'a Dockerfile on an end-of-life Node',
      () => ({ ...loadProject(), dockerfile: (loadProject().dockerfile ?? '').replace(/NODE_IMAGE=\S+/, 'NODE_IMAGE=node:20-bookworm-slim') }),
      /not a current LTS/,
    ],
    [
      'a Dockerfile that runs as root',
      () => ({ ...loadProject(), dockerfile: (loadProject().dockerfile ?? '').replace(/^USER node$/m, 'USER root') }),
      /runs as USER root/,
    ],
    [
      'a Dockerfile without npm ci',
      () => ({ ...loadProject(), dockerfile: (loadProject().dockerfile ?? '').replace(/npm ci\b/g, 'npm install') }),
      /never runs npm ci/,
    ],
  ];

  it.each(cases)('%s', (_label, broken, expected) => {
    const problems = allProblems(broken());
    expect(problems.join('\n')).toMatch(expected);
  });

  it('rejects duplicate keys instead of silently keeping the last one', () => {
    expect(() => parseCompose(composeText.replace(/^  users:$/m, '  products:'))).toThrow(/unique/);
  });
});
