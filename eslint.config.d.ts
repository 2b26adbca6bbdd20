import type { Linter } from 'eslint';

/** The determinism rules applied to src/orchestrators/** (see eslint.config.js). */
export declare const orchestratorRules: Linter.RulesRecord;
/** The import boundaries of the other layers of src/ (see eslint.config.js). */
export declare const layerRules: Record<'app' | 'domain' | 'functions', Linter.RulesRecord>;
declare const config: Linter.Config[];
export default config;
