import express, { type Express } from 'express';

export interface StaticFolderOptions {
  /**
   * The folder's file names carry a hash of their content (a bundler's
   * output): cached for a year and never revalidated. Otherwise browsers
   * revalidate every time (`no-cache`), so a rebuilt file is seen at once.
   */
  immutable?: boolean;
}

/**
 * Serves the files of `dir` under `urlPrefix` (GET and HEAD): no directory
 * listings or index files, no dot files, `nosniff`. A missing file falls
 * through to the app's next handlers (the JSON 404).
 */
export function serveStaticFolder(app: Express, urlPrefix: string, dir: string, options: StaticFolderOptions = {}): void {
  app.use(
    urlPrefix,
    express.static(dir, {
      index: false,
      redirect: false,
      dotfiles: 'ignore',
      fallthrough: true,
      immutable: options.immutable === true,
      maxAge: options.immutable ? '365d' : 0,
      setHeaders: (res) => {
        res.setHeader('x-content-type-options', 'nosniff');
        if (!options.immutable) res.setHeader('cache-control', 'no-cache');
      },
    }),
  );
}
