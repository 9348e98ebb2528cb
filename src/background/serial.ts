/**
 * One queue for every write the background makes to storage (settings and dismissed marks): each task
 * starts when the one before it has settled, whatever its outcome, so changes apply in arrival order.
 */
export type Serial = <T>(task: () => Promise<T>) => Promise<T>;

export function createSerial(): Serial {
  let queue: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };
}
