import type { KqlColumn } from './SyntaxTree.js';
import type { Row } from './values.js';

/** A tabular result: columns (name and Kusto type) and rows keyed by column name. */
export interface Table {
  columns: KqlColumn[];
  rows: Row[];
}
