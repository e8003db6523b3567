import { buildClient } from './clientBuild';

// `npm run build:client`: always rebuilds dist/client/ (npm start rebuilds only when stale).
buildClient()
  .then(({ millis, dir }) => process.stdout.write(`client built into ${dir} in ${millis} ms\n`))
  .catch((error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  });
