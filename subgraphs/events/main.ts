import '../core/tracing-register';
import 'reflect-metadata';
import { runSubgraphMain } from '../core/main';
import { eventsSubgraph } from './events.subgraph';

void runSubgraphMain(eventsSubgraph, process.env);
