#!/usr/bin/env node
// `npx slotpilot`: runs the TypeScript CLI through tsx (installed with the project).
import { register } from 'tsx/esm/api';

register();
await import('./slotpilot.ts');
