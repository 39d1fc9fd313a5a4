/**
 * @threadkit/redis — Redis for Threadkit: a run log on Redis Streams and pub/sub, so replies survive reloads and stops reach the run across instances.
 */
export { type RedisClient, RedisRunLog, type RedisRunLogOptions } from "./run-log.js";
