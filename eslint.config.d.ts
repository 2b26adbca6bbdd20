import type { Linter } from 'eslint';

/** The determinism rules applied to src/orchestrators/** (see eslint.config.js). */
export declare const orchestratorRules: Linter.RulesRecord;
declare const config: Linter.Config[];
export default config;
