/**
 * The values of `first`, then those of `second()` (started only once `first` is done): what
 * `yield* first; yield* second()` gives in an async generator, without the generator layer. Each
 * delegated value cost that layer a few promises; here, once `first` is done, `next()` hands out
 * `second`'s own promises, so the long part of a stream (the handler's events) costs nothing more.
 * `return()` ends the running part; a sequence stopped during `first` never starts `second`.
 *
 * @example
 * const events = sequence(prelude(), () => processEvents(server, thread, ctx, signal, respond));
 */
export declare function sequence<T>(first: AsyncIterator<T>, second: () => AsyncIterator<T>): AsyncIterableIterator<T>;
//# sourceMappingURL=sequence.d.ts.map