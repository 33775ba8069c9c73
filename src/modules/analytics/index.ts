// The analytics module's public surface: what other modules, the web layer, the CLI
// and the composition root may use. Everything else in this folder is its own.

export { addDays, vnDayStart } from './calendar.ts';
export { INTERVALS, type Range, type Stats } from './queries.ts';
export { AnalyticsService, CSV_TABLES, analyticsSettings, type AnalyticsSettings, type CsvTable } from './service.ts';
