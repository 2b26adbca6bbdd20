/** One simulated request as Application Insights records it (before table-specific naming). */
export interface RequestRecord {
  /** When the request ran (epoch ms). */
  t: number;
  /** When it becomes queryable (`ingestion_time()`). */
  ingest: number;
  id: string;
  url: string;
  name: string;
  success: boolean;
  resultCode: string;
  durationMs: number;
  roleName: string;
  roleInstance: string;
  version: string;
  itemCount: number;
  resourceId: string;
  /** The slot that served it ("production" or the slot name): routing rules move production traffic. */
  servedBy?: string;
  /** Memoised table rows for this record (filled by the Logs handler; never mutated). */
  rows?: Record<string, unknown>;
}
