import '../core/tracing-register';
import 'reflect-metadata';
import { runSubgraphMain } from '../core/main';
import { associationsSubgraph } from './associations.subgraph';

void runSubgraphMain(associationsSubgraph, process.env);
