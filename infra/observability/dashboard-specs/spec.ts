/** The shape of a dashboard description: sections of panels, each a few PromQL queries. */

export interface PanelSpec {
  title: string;
  description?: string;
  /** `timeseries` (default) or `stat` (the latest value). */
  kind?: "timeseries" | "stat";
  /** Grafana unit: `reqps`, `percentunit`, `s`, `bytes`, `short`, `currencyKRW`… */
  unit?: string;
  /** Out of 24 columns (default 12). */
  width?: number;
  /** Colour changes (above `value`), over a green base. */
  thresholds?: Array<{ value: number; color: string }>;
  queries: Array<{ expr: string; legend?: string }>;
}

export interface DashboardSpec {
  uid: string;
  title: string;
  description: string;
  tags?: string[];
  variables?: Array<{ name: string; label: string; query: string }>;
  rows: Array<{ title: string; panels: PanelSpec[] }>;
}

/** Legend of a series per part. */
export const byService = "{{service}}";
