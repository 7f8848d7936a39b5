import '../core/tracing-register';
import 'reflect-metadata';
import { EnvReader } from '../core/env';
import { runSubgraphMain } from '../core/main';
import { createBookingBridge, readBookingConfig } from './booking/booking.config';
import { createFacilitiesSubgraph } from './facilities.subgraph';

// The booking systems this deployment connects; runSubgraphMain reads the rest of the env.
const booking = new EnvReader('the facilities subgraph', process.env);
const config = booking.done(readBookingConfig(booking));
void runSubgraphMain(
  createFacilitiesSubgraph(createBookingBridge(config), {
    intervalMs: config.syncIntervalMs,
    daysAhead: config.syncDaysAhead,
  }),
  process.env,
);
