export { type RunningApi, type StartApiOptions, startApi } from './app.js';
export { type ApiConfig, type ApiDeps, type Context, createContext } from './context.js';
export { type Env, parseEnv } from './env.js';
export { createHttpServer } from './http/create-http-server.js';
export { createLogger, type Logger } from './logger.js';
export { createServer } from './server.js';
