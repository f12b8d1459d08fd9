export { startApi, type RunningApi, type StartApiOptions } from './app.js';
export { createContext, type ApiConfig, type ApiDeps, type Context } from './context.js';
export { parseEnv, type Env } from './env.js';
export { createHttpServer } from './http/create-http-server.js';
export { createLogger, type Logger } from './logger.js';
export { createServer } from './server.js';
