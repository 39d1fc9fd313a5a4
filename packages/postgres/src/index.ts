/**
 * @threadkit/postgres — PostgreSQL for Threadkit: a Store, a shared attachment store and a run log on node-postgres, for several server instances on one database.
 */
export {};
