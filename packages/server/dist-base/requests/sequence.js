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
export function sequence(first, second) {
    return new Sequence(first, second);
}
class Sequence {
    #current;
    #second;
    constructor(first, second) {
        this.#current = first;
        this.#second = second;
    }
    [Symbol.asyncIterator]() {
        return this;
    }
    next() {
        if (!this.#second)
            return this.#current.next();
        return this.#current.next().then((result) => {
            const second = this.#second;
            if (!result.done || !second)
                return result;
            this.#second = undefined;
            this.#current = second();
            return this.#current.next();
        });
    }
    return() {
        this.#second = undefined;
        return this.#current.return
            ? this.#current.return()
            : Promise.resolve({ done: true, value: undefined });
    }
}
//# sourceMappingURL=sequence.js.map