import { Counter, Histogram, type Registry } from 'prom-client';

/** The history's business metrics, on the service's own registry. */
export interface HistoryMetrics {
  saves: Counter<'outcome'>;
  listReads: Histogram<'filtered'>;
  listsCutShort: Counter;
}

export function createHistoryMetrics(registry: Registry): HistoryMetrics {
  return {
    saves: new Counter({
      name: 'history_scenario_saves_total',
      help: 'Saves from generation by outcome: created, existing (a retry) or conflict (id held by another user)',
      labelNames: ['outcome'] as const,
      registers: [registry],
    }),
    // Filters cost what they read, not what they return; this shows when histories outgrow them.
    listReads: new Histogram({
      name: 'history_list_summaries_read',
      help: 'Summaries read from DynamoDB to answer one list page, by whether filters applied',
      labelNames: ['filtered'] as const,
      buckets: [1, 5, 10, 25, 50, 100, 250, 500, 1000],
      registers: [registry],
    }),
    listsCutShort: new Counter({
      name: 'history_list_pages_cut_short_total',
      help: 'List pages answered short because the read budget ran out before the page filled',
      registers: [registry],
    }),
  };
}
