/**
 * The site's search worker: the engine (search-engine.ts) off the page's thread. The page sends
 * `{ id, method, args }`, `open` first; each reply carries the same id, with the value or the error.
 */
import { openEngine, type EngineReply, type EngineRequest, type EngineSetup, type SearchEngine } from './search-engine.ts';

let engine: Promise<SearchEngine> | undefined;

async function answer({ method, args }: EngineRequest): Promise<unknown> {
  if (method === 'open') {
    engine = openEngine(args[0] as EngineSetup);
    await engine;
    return undefined;
  }
  if (!engine) throw new Error(`"${method}" before "open"`);
  const opened = await engine;
  return (opened[method] as (...args: unknown[]) => Promise<unknown>)(...args);
}

self.addEventListener('message', (event: MessageEvent<EngineRequest>) => {
  const { id } = event.data;
  answer(event.data).then(
    (value) => self.postMessage({ id, ok: true, value } satisfies EngineReply),
    (error: unknown) => self.postMessage({ id, ok: false, error: error instanceof Error ? error.message : String(error) } satisfies EngineReply),
  );
});
