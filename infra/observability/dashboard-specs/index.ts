/**
 * What the Grafana dashboards show, as data: sections of panels, each a few PromQL queries over
 * the metrics every part exposes and the recording rules in rules/*.rules.yml.
 * infra/observability/dashboards.ts turns these into Grafana's JSON model.
 */
import { caches } from "./caches.js";
import { checkout } from "./checkout.js";
import { dependencies } from "./dependencies.js";
import { overview } from "./overview.js";
import { service } from "./service.js";
import type { DashboardSpec } from "./spec.js";

export type { DashboardSpec, PanelSpec } from "./spec.js";

export const dashboards: DashboardSpec[] = [overview, service, caches, checkout, dependencies];
