/**
 * A worker thread of the ingest pool (`pool.ts`): runs the tasks it is sent,
 * one at a time, and posts back each output or the error's message.
 */
import { parentPort } from 'node:worker_threads';
import { tasks, type TaskName } from './tasks.ts';

parentPort!.on('message', ({ task, input }: { task: TaskName; input: never }) => {
  try {
    parentPort!.postMessage({ output: tasks[task](input) });
  } catch (error) {
    parentPort!.postMessage({ error: (error as Error).message });
  }
});
