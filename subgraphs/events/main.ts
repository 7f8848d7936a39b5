import '../core/tracing-register';
import 'reflect-metadata';
import { runSubgraphMain } from '../core/main';
import { EnvReader } from '../core/env';
import { readRetentionConfig } from '../core/personal-data/retention';
import { createEventsSubgraph } from './events.subgraph';

const reader = new EnvReader('the events subgraph', process.env);
try {
  const retention = reader.done(readRetentionConfig(reader));
  void runSubgraphMain(createEventsSubgraph(retention), process.env);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
