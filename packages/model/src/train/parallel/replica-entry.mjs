// Worker-thread entry of a pretraining replica: TypeScript runs through tsx here too (the repo has no build step).
import { register } from 'tsx/esm/api';

register();
await import('./replica-worker.ts');
