/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-explicit-any -- Bridge.NET globals carry no types */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
require('@kusto/language-service-next/bridge.min.js');
require('@kusto/language-service-next/Kusto.Language.Bridge.min.js');
const g = globalThis as any;
const K = g.Kusto.Language;

/** Application Insights request tables as documented (workspace-based and classic). */
export const REQUEST_TABLES: Record<string, string> = {
  AppRequests:
    '(TimeGenerated:datetime, Url:string, Success:bool, ResultCode:string, DurationMs:real, ItemCount:int, AppRoleName:string, _ResourceId:string)',
  requests:
    '(timestamp:datetime, url:string, success:bool, resultCode:string, duration:real, itemCount:int, cloud_RoleName:string)',
};

/**
 * Errors Microsoft's KQL parser and binder report for `text` against the request tables
 * (syntax and semantics: unknown columns, wrong argument types).
 */
export function kqlDiagnostics(text: string): string[] {
  const tables = Object.entries(REQUEST_TABLES).map(
    ([name, schema]) => new K.Symbols.TableSymbol.$ctor7(name, schema, null),
  );
  const globals = K.GlobalState.Default.WithDatabase(
    new K.Symbols.DatabaseSymbol.ctor('appinsights', tables),
  );
  const code = K.KustoCode.ParseAndAnalyze(text, globals);
  const diagnostics: any[] = g.Bridge.toArray(code.GetDiagnostics());
  return diagnostics
    .filter((d) => String(d.Severity) === 'Error')
    .map((d) => `${d.Code}: ${d.Message}`);
}
