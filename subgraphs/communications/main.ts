import '../core/tracing-register';
import 'reflect-metadata';
import { EnvReader } from '../core/env';
import { runSubgraphMain } from '../core/main';
import { readCommunicationsConfig } from './communications.config';
import { createCommunicationsSubgraph } from './communications.subgraph';

const reader = new EnvReader('the communications subgraph', process.env);
try {
  const production = reader.string('NODE_ENV', 'development') === 'production';
  const config = reader.done(readCommunicationsConfig(reader, production));
  void runSubgraphMain(createCommunicationsSubgraph(config), process.env);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
