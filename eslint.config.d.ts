import type { Linter } from 'eslint';

/** The determinism rules applied to src/orchestrators/** (see eslint.config.js). */
export declare const orchestratorRules: Linter.RulesRecord;
/** The import boundaries of the other layers of src/ and of the local tools (see eslint.config.js). */
export declare const layerRules: Record<
  'app' | 'domain' | 'functions' | 'activities' | 'azure' | 'devhost' | 'sandbox' | 'shared',
  Linter.RulesRecord
>;
/** Only src/index.ts reads process.env (see eslint.config.js). */
export declare const environmentRules: Linter.RulesRecord;
/** Triggers never wait with timers (see eslint.config.js). */
export declare const triggerRules: Linter.RulesRecord;
declare const config: Linter.Config[];
export default config;
