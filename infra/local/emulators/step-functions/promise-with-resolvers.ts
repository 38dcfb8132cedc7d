/**
 * aws-local-stepfunctions 3 calls `Promise.withResolvers` in every Task state; Node 20 (these machines) does not
 * have it (Node 22, the Lambda runtime, does), so every Task would fail with a TypeError. This installs the
 * standard behaviour only where it is missing; importing the local Step Functions service installs it.
 */

interface Resolvers<T> {
  promise: Promise<T>;
  resolve: (value: T | PromiseLike<T>) => void;
  reject: (reason?: unknown) => void;
}

type PromiseWithResolvers = { withResolvers?: <T>() => Resolvers<T> };

export function installPromiseWithResolvers(): void {
  const target = Promise as unknown as PromiseWithResolvers;
  if (typeof target.withResolvers === 'function') return;
  target.withResolvers = <T>(): Resolvers<T> => {
    let resolve!: Resolvers<T>['resolve'];
    let reject!: Resolvers<T>['reject'];
    const promise = new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}

installPromiseWithResolvers();
